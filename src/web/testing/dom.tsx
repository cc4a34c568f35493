import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  unmount: () => void;
}

/** Renders into a fresh element of the happy-dom document. */
export async function render(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(ui);
  });
  return {
    container,
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/** Waits, letting React and pending promises run, until `check` stops throwing. */
export async function waitFor<T>(check: () => T, timeoutMs = 8000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
    }
  }
}

/**
 * Waits until an element matching `selector` whose whitespace-free text satisfies `text` is in the document
 * (antd renders menus, popconfirms and modals late, and outside the container).
 */
export function findElement(selector: string, text: string | ((text: string) => boolean)): Promise<HTMLElement> {
  const matches = typeof text === 'string' ? (t: string) => t === text.replace(/\s/g, '') : text;
  return waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>(selector)].find((el) => matches(el.textContent?.replace(/\s/g, '') ?? ''));
    if (!found) throw new Error(`no ${selector} with the text looked for`);
    return found;
  });
}

/** The whole document's text: antd renders modals and messages outside the container. */
export const pageText = (): string => document.body.textContent ?? '';

type Handler = (init: RequestInit | undefined, url: URL) => { status?: number; body: unknown };

/**
 * Replaces fetch with a table of "METHOD /path" handlers and records every call. Unknown routes
 * answer 404 in the server's error format. Undo with vi.unstubAllGlobals().
 */
export function mockFetch(routes: Record<string, Handler>) {
  const calls: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
  const fetchMock = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ method, url: url.pathname + url.search, headers, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const handler = routes[`${method} ${url.pathname}`];
    const { status = 200, body } = handler
      ? handler(init, url)
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: `no mock for ${method} ${url.pathname}` } } };
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/App.tsx';
import { PAGES } from '../app/modules.ts';
import { createQueryClient } from '../app/queryClient.ts';
import { createRoutes } from '../app/routes.tsx';
import { render, type Rendered } from './dom.tsx';

export type AppRouter = ReturnType<typeof createMemoryRouter>;

/** The whole signed-in app (every module's pages, providers, menu) at `path`, in memory. */
export async function renderApp(path: string, queryClient = createQueryClient()): Promise<{ rendered: Rendered; router: AppRouter }> {
  const router = createMemoryRouter(createRoutes(PAGES), { initialEntries: [path] });
  const rendered = await render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { rendered, router };
}

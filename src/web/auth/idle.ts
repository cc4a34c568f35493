/** Seconds of warning before an idle session is ended. */
export const IDLE_WARNING_MS = 60_000;

export type IdlePhase = 'active' | 'warning' | 'expired';

/** Where an idle countdown stands: `timeoutMs` after the last activity the session ends. */
export function idlePhase(now: number, lastActivity: number, timeoutMs: number): IdlePhase {
  const idle = now - lastActivity;
  if (idle >= timeoutMs) return 'expired';
  // With a short timeout the warning takes at most half of it.
  if (idle >= timeoutMs - Math.min(IDLE_WARNING_MS, timeoutMs / 2)) return 'warning';
  return 'active';
}

/**
 * The server counts only requests as activity. A user reading or filling a long form makes none,
 * so while they are active the page pings the server often enough to keep the session alive.
 */
export function needsKeepAlive(now: number, lastActivity: number, lastServerContact: number, timeoutMs: number): boolean {
  return lastActivity > lastServerContact && now - lastServerContact >= Math.min(5 * 60_000, timeoutMs / 3);
}

const SHARED_KEY = 'lvzhi.lastActivity';

/** Activity is shared between tabs: working in one tab keeps the others from logging out. */
export function readSharedActivity(): number {
  try {
    return Number(localStorage.getItem(SHARED_KEY)) || 0;
  } catch {
    return 0;
  }
}

export function writeSharedActivity(at: number): void {
  try {
    localStorage.setItem(SHARED_KEY, String(at));
  } catch {
    // Storage disabled: each tab keeps its own count.
  }
}

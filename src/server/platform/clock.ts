/**
 * The server's clock. Tests move it forward to exercise lockout windows and session timeouts
 * without sleeping; production never touches the offset.
 */
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

export function nowIso(): string {
  return now().toISOString();
}

/** Test helper: advance the server's notion of time. */
export function advanceClock(ms: number): void {
  offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
}

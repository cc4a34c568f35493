import { describe, expect, it } from 'vitest';
import { idlePhase, needsKeepAlive } from './idle.ts';

const MIN = 60_000;

describe('idle timeout', () => {
  it('warns during the last minute and expires at the timeout', () => {
    expect(idlePhase(28 * MIN, 0, 30 * MIN)).toBe('active');
    expect(idlePhase(29 * MIN + 1, 0, 30 * MIN)).toBe('warning');
    expect(idlePhase(30 * MIN, 0, 30 * MIN)).toBe('expired');
  });

  it('keeps the server session alive while the user works without making requests', () => {
    // Typing for 6 minutes in a form: the server has not heard from the page since minute 0.
    expect(needsKeepAlive(6 * MIN, 6 * MIN - 1000, 0, 30 * MIN)).toBe(true);
    // Nobody there: no ping, so the server's own timeout can end the session.
    expect(needsKeepAlive(6 * MIN, 0, 1000, 30 * MIN)).toBe(false);
    // A request a minute ago is recent enough.
    expect(needsKeepAlive(6 * MIN, 6 * MIN - 1000, 5 * MIN, 30 * MIN)).toBe(false);
  });
});

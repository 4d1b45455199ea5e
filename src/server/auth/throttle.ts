// Slows password guessing: after 5 failures for one address and email, logins wait 15 minutes.
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  /** Milliseconds to wait before trying again; 0 when allowed. */
  blockedFor(key: string, now = Date.now()): number {
    const entry = this.failures.get(key);
    if (!entry || now - entry.since > WINDOW_MS) return 0;
    return entry.count >= MAX_FAILURES ? WINDOW_MS - (now - entry.since) : 0;
  }

  fail(key: string, now = Date.now()): void {
    const entry = this.failures.get(key);
    if (!entry || now - entry.since > WINDOW_MS) this.failures.set(key, { count: 1, since: now });
    else entry.count++;
    if (this.failures.size > 50_000) this.failures.clear();
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}

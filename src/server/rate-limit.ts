// Fixed-window counters per key (an address, an account…), for the login throttle and the short links.
// Memory stays bounded without ever forgetting a key that is still blocked: only windows that are over
// are dropped, and when the table is full of live windows a new key is refused until some end.

interface Window {
  count: number;
  endsAt: number;
}

export class WindowLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Milliseconds before the key may be counted again; 0 when it may be now. */
  waitFor(key: string, now = Date.now()): number {
    const window = this.live(key, now);
    if (window) return window.count >= this.limit ? window.endsAt - now : 0;
    if (this.windows.size < this.maxKeys) return 0;
    this.sweep(now);
    return this.windows.size < this.maxKeys ? 0 : this.windowMs;
  }

  /** Counts one hit; call only after waitFor said 0, in the same tick, so no await slips in between. */
  take(key: string, now = Date.now()): void {
    const window = this.live(key, now);
    if (window) window.count++;
    else this.windows.set(key, { count: 1, endsAt: now + this.windowMs });
  }

  /** Hands back a hit taken for something that turned out fine (a right password). */
  giveBack(key: string, now = Date.now()): void {
    const window = this.live(key, now);
    if (window && window.count > 0) window.count--;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  get size(): number {
    return this.windows.size;
  }

  private live(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.endsAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  /** Drops the windows that are over; at most once a second, since it walks the whole table. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 1_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}

/** Takes one hit on each key if none is over its limit; else the longest wait and nothing is taken. */
export function takeAll(limits: [WindowLimiter, string][], now = Date.now()): number {
  const wait = Math.max(0, ...limits.map(([limiter, key]) => limiter.waitFor(key, now)));
  if (wait === 0) for (const [limiter, key] of limits) limiter.take(key, now);
  return wait;
}

/**
 * The key of a client address: an IPv4 address as is, an IPv6 address by its /64 network, since one
 * subscriber is usually given a whole /64 and could otherwise take a fresh address for every try.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail = ''] = ip.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

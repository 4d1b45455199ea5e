// Finished API answers, kept per data version of the store: any write moves the version on, and the
// answers of older versions are dropped. Identical requests in flight share one computation, which is
// called off when the last of them has gone.
import { ReadCancelled } from '../../store/index.ts';

/** A serialised answer, ready to send as it is to every request that asks the same thing. */
export interface CachedAnswer {
  status: number;
  contentType: string;
  body: string;
  /** For downloads: the Content-Disposition file name. */
  filename?: string;
}

export type CacheOutcome = 'hit' | 'miss' | 'shared';

export interface CacheStats {
  hits: number;
  misses: number;
  shared: number;
  entries: number;
  /** Characters held by the cached bodies. */
  size: number;
}

interface Flight {
  answer: Promise<CachedAnswer>;
  controller: AbortController;
  waiters: number;
}

export class ResultCache {
  private version = -1;
  /** Insertion order is recency order: a hit moves its entry to the end. */
  private readonly entries = new Map<string, CachedAnswer>();
  private readonly flights = new Map<string, Flight>();
  private size = 0;
  private readonly counts = { hits: 0, misses: 0, shared: 0 };

  /** @param capacity characters of bodies held at most; the least recently used go first. */
  constructor(private readonly capacity: number) {}

  stats(): CacheStats {
    return { ...this.counts, entries: this.entries.size, size: this.size };
  }

  /**
   * The answer to `key` at data `version`: cached, joined to the same computation in flight, or
   * computed. The caller's `gone` signal withdraws it (rejecting with ReadCancelled); the computation's
   * own signal aborts when every caller waiting for it has withdrawn.
   */
  async answer(
    version: number,
    key: string,
    compute: (signal: AbortSignal) => Promise<CachedAnswer>,
    gone: AbortSignal,
  ): Promise<{ answer: CachedAnswer; outcome: CacheOutcome }> {
    if (version !== this.version) this.moveTo(version);
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      this.counts.hits++;
      return { answer: cached, outcome: 'hit' };
    }
    let flight = this.flights.get(key);
    const outcome: CacheOutcome = flight && !flight.controller.signal.aborted ? 'shared' : 'miss';
    if (outcome === 'miss') flight = this.start(version, key, compute);
    this.counts[outcome === 'miss' ? 'misses' : 'shared']++;
    return { answer: await this.wait(flight!, gone), outcome };
  }

  private start(
    version: number,
    key: string,
    compute: (signal: AbortSignal) => Promise<CachedAnswer>,
  ): Flight {
    const controller = new AbortController();
    const flight: Flight = { controller, waiters: 0, answer: compute(controller.signal) };
    this.flights.set(key, flight);
    flight.answer
      .then((answer) => {
        if (version === this.version) this.keep(key, answer);
      })
      .catch(() => undefined) // the waiters receive the error
      .finally(() => {
        if (this.flights.get(key) === flight) this.flights.delete(key);
      });
    return flight;
  }

  private wait(flight: Flight, gone: AbortSignal): Promise<CachedAnswer> {
    if (gone.aborted) return Promise.reject(new ReadCancelled());
    flight.waiters++;
    return new Promise<CachedAnswer>((resolve, reject) => {
      let waiting = true;
      const settle = (finish: () => void) => {
        if (!waiting) return;
        waiting = false;
        gone.removeEventListener('abort', withdraw);
        flight.waiters--;
        finish();
      };
      const withdraw = () =>
        settle(() => {
          if (flight.waiters === 0) flight.controller.abort();
          reject(new ReadCancelled());
        });
      gone.addEventListener('abort', withdraw, { once: true });
      flight.answer.then(
        (answer) => settle(() => resolve(answer)),
        (error: unknown) => settle(() => reject(error)),
      );
    });
  }

  private keep(key: string, answer: CachedAnswer): void {
    // One answer may not take more than an eighth of the room, or it would empty the cache alone.
    if (answer.body.length > this.capacity / 8) return;
    this.size -= this.entries.get(key)?.body.length ?? 0;
    this.entries.delete(key);
    this.entries.set(key, answer);
    this.size += answer.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.capacity) break;
      this.entries.delete(oldest);
      this.size -= entry.body.length;
    }
  }

  private moveTo(version: number): void {
    this.version = version;
    this.entries.clear();
    // Computations started before the write still run for their callers, but nobody new joins them.
    this.flights.clear();
    this.size = 0;
  }
}

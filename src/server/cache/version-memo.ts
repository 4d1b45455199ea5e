// Parts of answers that several routes share (the funnel of a period, under every drill-down of it),
// computed once per data version: any write moves the version on and forgets them all.
import { ReadCancelled, readSignal } from '../../store/index.ts';

export class VersionMemo<T> {
  private version = -1;
  /** Insertion order is age order: past the capacity, the oldest goes. */
  private readonly values = new Map<string, Promise<T>>();
  private computations = 0;

  constructor(private readonly capacity = 256) {}

  /** How many times a value was computed rather than shared, for tests. */
  get computed(): number {
    return this.computations;
  }

  /**
   * The value of `key` at data `version`, computed at most once while it is kept. A computation called
   * off because its first asker left is started again for an asker still waiting.
   */
  async get(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.lookup(version, key, compute);
      } catch (error) {
        const othersLeft = error instanceof ReadCancelled && !readSignal()?.aborted;
        if (!othersLeft || attempt > 0) throw error;
      }
    }
  }

  private lookup(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    if (version !== this.version) {
      this.version = version;
      this.values.clear();
    }
    const kept = this.values.get(key);
    if (kept) return kept;
    this.computations++;
    const value = compute();
    this.values.set(key, value);
    value.catch(() => {
      if (this.values.get(key) === value) this.values.delete(key);
    });
    for (const oldest of this.values.keys()) {
      if (this.values.size <= this.capacity) break;
      this.values.delete(oldest);
    }
    return value;
  }
}

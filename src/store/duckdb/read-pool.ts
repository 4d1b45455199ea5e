// Read connections of one DuckDB instance, so that concurrent requests run their queries in parallel
// (each connection runs one statement at a time). A read waits for a free connection; if its work is
// called off while it waits it never starts, and while it runs its connection is interrupted.
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { ReadCancelled } from '../cancel.ts';
import type { ReadStats } from '../types.ts';

const INTERRUPT_REPEAT_MS = 20;

interface Waiter {
  grant(connection: DuckDBConnection): void;
}

export class ReadPool {
  private readonly free: DuckDBConnection[];
  private readonly queue: Waiter[] = [];
  private readonly stats = { started: 0, cancelled: 0 };

  private constructor(private readonly connections: DuckDBConnection[]) {
    this.free = [...connections];
  }

  static async open(instance: DuckDBInstance, size: number): Promise<ReadPool> {
    const connections: DuckDBConnection[] = [];
    for (let index = 0; index < size; index++) connections.push(await instance.connect());
    return new ReadPool(connections);
  }

  get size(): number {
    return this.connections.length;
  }

  readStats(): ReadStats {
    return { ...this.stats, waiting: this.queue.length };
  }

  /** Runs `read` on a connection of its own; rejects with ReadCancelled once `signal` aborts. */
  async use<T>(
    read: (connection: DuckDBConnection) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const connection = await this.acquire(signal);
    if (signal?.aborted) {
      // Called off in the moment between the grant and this line.
      this.release(connection);
      this.stats.cancelled++;
      throw new ReadCancelled();
    }
    // An interrupt that lands before the engine has begun the statement is lost: repeat it until the
    // read settles.
    let repeat: NodeJS.Timeout | undefined;
    const interrupt = () => {
      connection.interrupt();
      repeat = setInterval(() => connection.interrupt(), INTERRUPT_REPEAT_MS);
    };
    signal?.addEventListener('abort', interrupt, { once: true });
    try {
      this.stats.started++;
      return await read(connection);
    } catch (error) {
      if (signal?.aborted) {
        this.stats.cancelled++;
        throw new ReadCancelled();
      }
      throw error;
    } finally {
      clearInterval(repeat);
      signal?.removeEventListener('abort', interrupt);
      this.release(connection);
    }
  }

  private acquire(signal?: AbortSignal): Promise<DuckDBConnection> {
    if (signal?.aborted) {
      this.stats.cancelled++;
      return Promise.reject(new ReadCancelled());
    }
    const connection = this.free.pop();
    if (connection) return Promise.resolve(connection);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: (granted) => {
          signal?.removeEventListener('abort', leave);
          resolve(granted);
        },
      };
      const leave = () => {
        this.queue.splice(this.queue.indexOf(waiter), 1);
        this.stats.cancelled++;
        reject(new ReadCancelled());
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.queue.push(waiter);
    });
  }

  private release(connection: DuckDBConnection): void {
    const next = this.queue.shift();
    if (next) next.grant(connection);
    else this.free.push(connection);
  }

  close(): void {
    for (const connection of this.connections) connection.closeSync();
  }
}

// The reads of one piece of work (an HTTP request, or several coalesced ones) can be called off
// together: the store reads the signal of the work it runs in, without every query taking a parameter.
import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';

const currentSignal = new AsyncLocalStorage<AbortSignal>();

/** Runs the work so that every store read it starts stops when `signal` aborts. */
export function withReadSignal<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  // A drill-down runs a dozen reads at once, each an HTTP request on ClickHouse listening to the
  // signal: more than Node's default of 10 listeners is expected here, not a leak.
  setMaxListeners(0, signal);
  return currentSignal.run(signal, work);
}

/** The signal of the work being run, if any. */
export function readSignal(): AbortSignal | undefined {
  return currentSignal.getStore();
}

/** What a read rejects with once its work was called off. */
export class ReadCancelled extends Error {
  constructor() {
    super('the read was cancelled: nobody is waiting for it any more');
    this.name = 'ReadCancelled';
  }
}

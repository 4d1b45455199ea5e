// Rules evaluated after each drained batch of clicks or events, through the same entry as imports. A steady
// stream must not evaluate without pause: the first batch evaluates at once, and the batches landing
// within the next minute share one evaluation at its end, so the last batch is always judged.
import type { Store } from '../store/index.ts';
import { afterImport } from './notify.ts';

export interface BatchEvaluator {
  /** Called once a batch is in the store. */
  batchLanded(): void;
  /** Evaluations started so far. */
  evaluations(): number;
  /** Resolves once the evaluations started so far are done. */
  idle(): Promise<void>;
  /** Cancels a waiting evaluation and waits for the running one. */
  stop(): Promise<void>;
}

export function evaluateAfterBatches(
  store: Store,
  options: { everyMs?: number; log?: (line: string) => void } = {},
): BatchEvaluator {
  const everyMs = options.everyMs ?? 60_000;
  let lastStart = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let started = 0;
  let stopped = false;
  const run = () => {
    timer = undefined;
    lastStart = Date.now();
    started++;
    // Chained: two evaluations never run at once (afterImport logs its errors, never rejects).
    running = running.then(() => afterImport(store, options.log));
  };
  return {
    batchLanded() {
      if (stopped || timer) return;
      const wait = lastStart + everyMs - Date.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait).unref();
    },
    evaluations: () => started,
    idle: () => running,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

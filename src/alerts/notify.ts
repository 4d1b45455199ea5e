// The one call made after an import and every hour: evaluate the rules, deliver what they raised.
import { deliverWithRetry, deliverySettings } from '../delivery/index.ts';
import { readSettings, type Store } from '../store/index.ts';
import { describeAlert, type Lang } from './describe.ts';
import { evaluateRules } from './evaluate.ts';
import { markDelivered, type Alert } from './history.ts';
import { listRules } from './rules.ts';

export interface NotifyOptions {
  now?: Date;
  today?: string;
  log?: (line: string) => void;
  /** Delivery tries per recipient and the first wait between them (tests shorten it). */
  attempts?: number;
  firstDelayMs?: number;
}

export async function evaluateAndNotify(
  store: Store,
  options: NotifyOptions = {},
): Promise<Alert[]> {
  const log = options.log ?? (() => {});
  const raised = await evaluateRules(store, options);
  if (raised.length === 0) return raised;
  const rules = new Map((await listRules(store)).map((rule) => [rule.id, rule]));
  const settings = await deliverySettings(store);
  const lang: Lang = (await readSettings(store)).language === 'fr' ? 'fr' : 'en';
  for (const alert of raised) {
    const message = describeAlert(alert, lang);
    log(`alert ${alert.id}: ${message.subject}`);
    let delivered = false;
    for (const to of rules.get(alert.rule_id)?.spec.deliver_to ?? []) {
      try {
        await deliverWithRetry(to, message, settings, {
          attempts: options.attempts,
          firstDelayMs: options.firstDelayMs,
        });
        delivered = true;
      } catch (error) {
        log(`alert ${alert.id} not delivered to ${to}: ${(error as Error).message}`);
      }
    }
    if (delivered) await markDelivered(store, alert.id, new Date());
  }
  return raised;
}

/** Runs `evaluateAndNotify` now and every hour until stopped; errors are logged, never thrown. */
export function watchAlerts(store: Store, log: (line: string) => void, everyMs = 3_600_000) {
  const run = () =>
    evaluateAndNotify(store, { log }).catch((error: Error) =>
      log(`alert evaluation failed: ${error.message}`),
    );
  let pass = run();
  const timer = setInterval(() => (pass = run()), everyMs).unref();
  return {
    /** Stops the clock; resolves once an evaluation under way is over, so the store can close. */
    stop: async () => {
      clearInterval(timer);
      await pass;
    },
  };
}

/**
 * After an import (or a drained batch of clicks or events): evaluate in the background, so the caller
 * answers at once. The promise is there for whoever wants to wait; it never rejects.
 */
export function afterImport(
  store: Store,
  log: (line: string) => void = (line) => void process.stderr.write(`${line}\n`),
): Promise<void> {
  return evaluateAndNotify(store, { log }).then(
    () => undefined,
    (error: Error) => log(`alert evaluation after new data failed: ${error.message}`),
  );
}

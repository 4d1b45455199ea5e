// Raised alerts: recorded once per dedup key, not at all during a rule's cool-down, listed and acknowledged.
import { randomUUID } from 'node:crypto';
import { InputError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import type { WorstThread } from './threads.ts';

export interface Alert {
  id: string;
  rule_id: string;
  kind: 'threshold' | 'objective_status' | 'anomaly';
  kpi: string;
  /** The day (or the objective's status change day) the alert is about. */
  about: string;
  value: number | null;
  /** The usual value, the threshold crossed, or null. */
  expected: number | null;
  low: number | null;
  high: number | null;
  base: number | null;
  side: 'above' | 'below' | 'worse';
  /** What was judged: the KPI's value, or the numerator of a ratio (negative comments of a share). */
  judged: 'value' | 'numerator';
  /** Objective status alerts: the status before and after. */
  status?: { from: string; to: string; objective: string };
  link: string;
  threads: WorstThread[];
  raised_at: string;
  delivered_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

export type RaisedAlert = Omit<
  Alert,
  'id' | 'raised_at' | 'delivered_at' | 'acknowledged_at' | 'acknowledged_by'
>;

/**
 * Records the alert unless its key was already raised or the rule raised another within its cool-down
 * (one incident spanning two days gives one alert). Returns the stored alert, or null when quiet.
 */
export async function recordAlert(
  store: Store,
  raised: RaisedAlert,
  dedupKey: string,
  cooldownHours: number,
  now: Date,
): Promise<Alert | null> {
  return store.transaction(async (tx) => {
    const [seen] = await tx.all(
      `SELECT ${tx.dialect.count('dedup_key = $1')} AS same,
              ${tx.dialect.count(`raised_at > ${tx.dialect.timestampFromMs('$3')}`)} AS recent
         FROM alerts WHERE rule_id = $2`,
      [dedupKey, raised.rule_id, now.getTime() - cooldownHours * 3_600_000],
    );
    if (Number(seen.same) > 0 || Number(seen.recent) > 0) return null;
    const alert: Alert = {
      ...raised,
      id: `alert-${randomUUID().slice(0, 8)}`,
      raised_at: now.toISOString(),
      delivered_at: null,
      acknowledged_at: null,
      acknowledged_by: null,
    };
    await tx.run(
      `INSERT INTO alerts (alert_id, rule_id, dedup_key, kpi, about, value, expected, low, high, base, summary, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, ${tx.dialect.timestampFromMs('$12')})`,
      [
        alert.id,
        alert.rule_id,
        dedupKey,
        alert.kpi,
        alert.about,
        alert.value,
        alert.expected,
        alert.low,
        alert.high,
        alert.base,
        JSON.stringify(alert),
        now.getTime(),
      ],
    );
    return alert;
  });
}

const timesMs = (store: Store) =>
  `${store.dialect.epochMs('delivered_at')} AS delivered_ms, ${store.dialect.epochMs('acknowledged_at')} AS acknowledged_ms`;

function fromRow(row: Record<string, unknown>): Alert {
  const stored = JSON.parse(String(row.summary)) as Alert;
  const time = (value: unknown) =>
    value === null || value === undefined ? null : new Date(Number(value)).toISOString();
  return {
    ...stored,
    delivered_at: time(row.delivered_ms),
    acknowledged_at: time(row.acknowledged_ms),
    acknowledged_by: row.acknowledged_by === null ? null : String(row.acknowledged_by),
  };
}

export async function listAlerts(
  store: Store,
  options: { unacknowledged?: boolean; limit?: number } = {},
): Promise<Alert[]> {
  const rows = await store.all(
    `SELECT summary, ${timesMs(store)}, acknowledged_by
       FROM alerts ${options.unacknowledged ? 'WHERE acknowledged_at IS NULL' : ''}
      ORDER BY raised_at DESC, about DESC LIMIT ${Math.max(1, Math.floor(options.limit ?? 100))}`,
  );
  return rows.map(fromRow);
}

export async function acknowledgeAlert(store: Store, id: string, by: string): Promise<Alert> {
  const [row] = await store.all('SELECT count(*) AS n FROM alerts WHERE alert_id = $1', [id]);
  if (Number(row.n) === 0) throw new InputError(`no alert "${id}"`);
  await store.run(
    'UPDATE alerts SET acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, $2) WHERE alert_id = $1',
    [id, by],
  );
  const [updated] = await store.all(
    `SELECT summary, ${timesMs(store)}, acknowledged_by
       FROM alerts WHERE alert_id = $1`,
    [id],
  );
  return fromRow(updated);
}

export async function markDelivered(store: Store, id: string, at: Date): Promise<void> {
  await store.run(
    `UPDATE alerts SET delivered_at = ${store.dialect.timestampFromMs('$2')} WHERE alert_id = $1`,
    [id, at.getTime()],
  );
}

// POST /api/events: batches of canonical rows with an idempotency key each, landed whole or not at all.
// POST /api/webhooks/conversions: an order or lead from a shop or CRM, with the UTM tags it carried.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { landRows, parseJsonRows, removeImport } from '../../ingest/index.ts';
import { InputError } from '../../model/index.ts';
import { IMPORTABLE_TABLES, type Store } from '../../store/index.ts';
import { requireRole, type Authenticator } from '../auth/tokens.ts';

const MAX_EVENTS = 10_000;
const eventBatch = z.object({
  events: z
    .array(
      z.object({
        key: z.string().min(1).max(200),
        table: z.string(),
        row: z.record(z.string(), z.unknown()),
      }),
    )
    .min(1)
    .max(MAX_EVENTS),
});

const order = z.object({
  id: z.string().min(1).max(200),
  type: z.string().default('purchase'),
  occurred_at: z.string().optional(),
  value: z.number().nonnegative().optional(),
  currency: z.string().length(3).optional(),
  utm: z
    .object({
      source: z.string().optional(),
      medium: z.string().optional(),
      campaign: z.string().optional(),
    })
    .default({}),
});

function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InputError(`field "${issue.path.join('.')}": ${issue.message}`, {
    column: issue.path.join('.'),
  });
}

const importable = (table: string) =>
  IMPORTABLE_TABLES.some((candidate) => candidate.name === table);

async function storeEvents(
  store: Store,
  events: { key: string; table: string; row: Record<string, unknown> }[],
) {
  return store.transaction(async (tx) => {
    const keys = [...new Set(events.map((event) => event.key))];
    const seen = new Set(
      (
        await tx.all(
          `SELECT event_key FROM event_keys WHERE event_key IN (${keys.map((_, index) => `$${index + 1}`).join(', ')})`,
          keys,
        )
      ).map((row) => String(row.event_key)),
    );
    // A key already stored, or repeated earlier in the batch, is a replay: skipped, not an error.
    const fresh: ((typeof events)[number] & { index: number })[] = [];
    events.forEach((event, index) => {
      if (seen.has(event.key)) return;
      seen.add(event.key);
      fresh.push({ ...event, index });
    });
    const parsed = parseJsonRows(
      fresh.map((event) => ({
        table: event.table,
        row: event.row,
        where: `events[${event.index}]`,
      })),
      importable,
    );
    const importId = `events-${Date.now()}`;
    tx.ifFailed(async () => void (await removeImport(tx, importId)));
    for (const rows of parsed) await landRows(tx, rows, importId);
    if (fresh.length) {
      const now = Date.now();
      await tx.append(
        'event_keys',
        ['event_key', 'table_name', 'received_at'],
        fresh.map((event) => [event.key, event.table, now]),
      );
    }
    return { stored: fresh.length, skipped_duplicates: events.length - fresh.length };
  });
}

export function registerEvents(
  app: FastifyInstance,
  store: Store,
  authenticator: Authenticator,
  /** Called after a batch stored new rows (alert rules are evaluated then). */
  afterBatch: () => void = () => {},
): void {
  const write = {
    preHandler: requireRole(authenticator, ['admin', 'analyst']),
    bodyLimit: 20 * 1024 * 1024,
  };
  const storeAndTell: typeof storeEvents = async (...args) => {
    const result = await storeEvents(...args);
    if (result.stored > 0) afterBatch();
    return result;
  };
  app.post('/api/events', write, async (request) =>
    storeAndTell(store, parseBody(eventBatch, request.body).events),
  );
  app.post('/api/webhooks/conversions', write, async (request) => {
    const body = parseBody(order, request.body);
    return storeAndTell(store, [
      {
        key: `webhook:${body.id}`,
        table: 'conversions',
        row: {
          conversion_id: body.id,
          type: body.type,
          occurred_at: body.occurred_at ?? new Date().toISOString(),
          value: body.value,
          currency: body.currency,
          source: body.utm.source,
          medium: body.utm.medium,
          campaign: body.utm.campaign,
        },
      },
    ]);
  });
}

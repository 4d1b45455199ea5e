// The demo data set: Maison Lumen, a French home-décor brand, over the 24 months ending today.
// Deterministic: the same seed, scale and day give the same rows, written in one transaction.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, parseDay, todayUtc } from '../model/index.ts';
import { copyStore, openStore, type Store, type Transaction } from '../store/index.ts';
import { AUDIENCE_COLUMNS, audienceRows, PERSONA_COLUMNS, personaRows } from './audience.ts';
import { ALL_ACCOUNTS } from './brand.ts';
import { buildCalendar, type Calendar } from './calendar.ts';
import { planMarketing } from './campaigns.ts';
import { INTERACTION_COLUMNS, type DemoContext } from './context.ts';
import { ACCOUNT_DAILY_COLUMNS, writeAccountDaily } from './followers.ts';
import { CLICK_COLUMNS, LINK_COLUMNS, LinkWriter } from './links.ts';
import { writeIncident } from './incident.ts';
import { writeListening } from './listening.ts';
import { writeDemoNotices } from './notices.ts';
import { OBJECTIVE_COLUMNS, objectiveRows } from './objectives.ts';
import { buildAuthors } from './people.ts';
import { buildTextPools } from './phrases.ts';
import { METRIC_COLUMNS, POST_COLUMNS, writePosts } from './posts.ts';
import { Random } from './random.ts';
import { SSI_COLUMNS, ssiRows } from './selling.ts';
import { NPS_COLUMNS, npsRows } from './surveys.ts';
import { CONVERSION_COLUMNS, SESSION_COLUMNS, SPEND_COLUMNS, TrafficGenerator } from './traffic.ts';
import { appendAll, TableWriter, type Progress } from './writer.ts';

export interface DemoOptions {
  seed: number;
  /** Multiplies posts, authors, interactions, clicks, visits and conversions; 1 ≈ 100 000 interactions and clicks. */
  scale: number;
  /** Last day of the data set, YYYY-MM-DD (default: today, UTC). */
  today?: string;
}

export interface DemoSummary {
  /** Rows written per table. */
  rows: Record<string, number>;
  from: string;
  to: string;
}

const ACCOUNT_COLUMNS = ['account_id', 'platform', 'handle', 'name', 'is_competitor', 'import_id'];

function checkOptions(options: DemoOptions): string {
  if (!Number.isSafeInteger(options.seed))
    throw new InputError('the demo seed must be a whole number', { value: String(options.seed) });
  if (!(options.scale > 0 && options.scale <= 1000)) {
    throw new InputError('the demo scale must be a number above 0 and at most 1000', {
      value: String(options.scale),
    });
  }
  const today = options.today ?? todayUtc();
  if (!parseDay(today))
    throw new InputError('the demo end day must be a date YYYY-MM-DD', {
      value: today,
      expected: 'YYYY-MM-DD',
    });
  return today;
}

/** Posts with their metrics, comments, shares, contest entries, tracked links and clicks; then mentions and messages. */
async function writeSocial(
  tx: Transaction,
  context: DemoContext,
  seed: number,
  progress?: Progress,
): Promise<Record<string, number>> {
  const writer = (table: string, columns: string[]) =>
    new TableWriter(tx, table, columns, progress);
  const posts = writer('posts', POST_COLUMNS);
  const metrics = writer('post_metrics', METRIC_COLUMNS);
  const links = new LinkWriter(writer('links', LINK_COLUMNS), writer('clicks', CLICK_COLUMNS));
  await writePosts(context, { posts, metrics, links });
  await links.writeBioLinks(context);
  context.random = new Random(seed, 'listening');
  await writeListening(context);
  for (const table of [posts, metrics, links.links, links.clicks, context.interactions])
    await table.flush();
  return {
    posts: posts.count,
    post_metrics: metrics.count,
    interactions: context.interactions.count,
    links: links.links.count,
    clicks: links.clicks.count,
  };
}

async function writeBusiness(
  tx: Transaction,
  calendar: Calendar,
  context: DemoContext,
  seed: number,
  progress?: Progress,
): Promise<Record<string, number>> {
  const writer = (table: string, columns: string[]) =>
    new TableWriter(tx, table, columns, progress);
  const sessions = writer('web_sessions', SESSION_COLUMNS);
  const conversions = writer('conversions', CONVERSION_COLUMNS);
  const spend = writer('spend', SPEND_COLUMNS);
  await new TrafficGenerator(
    { ...context, random: new Random(seed, 'traffic') },
    { sessions, conversions, spend },
  ).write();
  return {
    audience: await appendAll(
      tx,
      'audience',
      AUDIENCE_COLUMNS,
      audienceRows(calendar, context.followers, new Random(seed, 'audience')),
      progress,
    ),
    personas: await appendAll(tx, 'personas', PERSONA_COLUMNS, personaRows(), progress),
    web_sessions: sessions.count,
    conversions: conversions.count,
    spend: spend.count,
    nps_responses: await appendAll(
      tx,
      'nps_responses',
      NPS_COLUMNS,
      npsRows(calendar, context.marketing, context.texts, new Random(seed, 'nps')),
      progress,
    ),
    ssi: await appendAll(
      tx,
      'ssi',
      SSI_COLUMNS,
      ssiRows(calendar, new Random(seed, 'ssi')),
      progress,
    ),
  };
}

/**
 * Fills the store with the demo data set in one transaction: everything lands, or nothing does. On
 * ClickHouse the set is generated in a scratch DuckDB file (its objectives' targets are read back with
 * DuckDB's SQL, inside the transaction), then moved over by copyStore, which checks every table's rows.
 */
export async function generateDemo(
  store: Store,
  options: DemoOptions,
  onProgress?: Progress,
): Promise<DemoSummary> {
  if (store.dialect.name === 'duckdb') return generateInto(store, options, onProgress);
  const folder = mkdtempSync(join(tmpdir(), 'cadran-demo-'));
  const scratch = await openStore(join(folder, 'demo.duckdb'));
  try {
    const summary = await generateInto(scratch, options, onProgress);
    await copyStore(scratch, store);
    return summary;
  } finally {
    scratch.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function generateInto(
  store: Store,
  options: DemoOptions,
  onProgress?: Progress,
): Promise<DemoSummary> {
  const today = checkOptions(options);
  const { seed, scale } = options;
  const calendar = buildCalendar(today);
  const marketing = planMarketing(calendar);
  const rows = await store.transaction(async (tx) => {
    const accounts = ALL_ACCOUNTS.map((account) => [
      account.accountId,
      account.platform,
      account.handle,
      account.name,
      account.competitor,
      'demo',
    ]);
    const daily = new TableWriter(tx, 'account_daily', ACCOUNT_DAILY_COLUMNS, onProgress);
    const followers = writeAccountDaily(
      daily,
      calendar,
      marketing,
      new Random(seed, 'account_daily'),
    );
    await daily.flush();
    const context: DemoContext = {
      calendar,
      marketing,
      scale,
      followers,
      interactionCount: 0,
      authors: buildAuthors(scale, new Random(seed, 'authors')),
      texts: buildTextPools(new Random(seed, 'texts')),
      random: new Random(seed, 'posts'),
      interactions: new TableWriter(tx, 'interactions', INTERACTION_COLUMNS, onProgress),
    };
    const counts: Record<string, number> = {
      accounts: await appendAll(tx, 'accounts', ACCOUNT_COLUMNS, accounts, onProgress),
      account_daily: daily.count,
      ...(await writeSocial(tx, context, seed, onProgress)),
      ...(await writeBusiness(tx, calendar, context, seed, onProgress)),
    };
    counts.interactions += await writeIncident(tx, today, scale, new Random(seed, 'incident'));
    counts.objectives = await appendAll(
      tx,
      'objectives',
      OBJECTIVE_COLUMNS,
      await objectiveRows(tx, today),
      onProgress,
    );
    // The community team answers from 08:00 to 21:00 Paris time on weekdays (07:00–20:00 UTC in winter).
    await tx.run(
      "INSERT INTO settings (name, value) VALUES ('business_hours_open', '07:00'), ('business_hours_close', '20:00')",
    );
    return counts;
  });
  await writeDemoNotices(store);
  return { rows, from: calendar.from, to: calendar.to };
}
export { Random } from './random.ts';

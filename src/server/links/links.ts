// Tracked links in the store: create (with UTM tags), list with their clicks, disable, look up.
import { InputError, PLATFORMS, platformOfSource, type Platform } from '../../model/index.ts';
import type { ResultRow, Store } from '../../store/index.ts';
import { checkCustomCode, randomCode } from './codes.ts';
import { taggedUrl } from './utm.ts';

export interface NewLink {
  url: string;
  campaign: string;
  source: string;
  post?: string | null;
  content?: string | null;
  code?: string | null;
  expiresAt?: number | null;
}

export interface Link {
  code: string;
  target_url: string;
  platform: Platform | null;
  source: string | null;
  campaign: string | null;
  post_id: string | null;
  disabled: boolean;
  expires_at: string | null;
}

const LINK_COLUMNS =
  'code, target_url, platform, source, campaign, post_id, coalesce(disabled, false) AS disabled, expires_at';

export async function createLink(store: Store, link: NewLink, createdBy: string): Promise<Link> {
  if (!link.campaign?.trim()) throw new InputError('name the campaign (utm_campaign)');
  if (!link.source?.trim())
    throw new InputError('name the source network (utm_source), e.g. linkedin');
  const source = link.source.trim().toLowerCase();
  const platform = PLATFORMS.includes(source as Platform)
    ? (source as Platform)
    : platformOfSource(source);
  const target = taggedUrl(link.url, {
    source,
    campaign: link.campaign.trim(),
    content: link.content ?? link.post ?? null,
  });
  const code = link.code ? checkCustomCode(link.code) : randomCode();
  return store.transaction(async (tx) => {
    const [{ taken }] = await tx.all('SELECT count(*) AS taken FROM links WHERE code = $1', [code]);
    if (taken) throw new InputError(`the code "${code}" is already used by another link`);
    await tx.append(
      'links',
      [
        'code',
        'target_url',
        'platform',
        'source',
        'campaign',
        'content',
        'post_id',
        'created_at',
        'disabled',
        'expires_at',
        'created_by',
      ],
      [
        [
          code,
          target,
          platform,
          source,
          link.campaign.trim(),
          link.content ?? link.post ?? null,
          link.post ?? null,
          Date.now(),
          false,
          link.expiresAt ?? null,
          createdBy,
        ],
      ],
    );
    const [row] = await tx.all(`SELECT ${LINK_COLUMNS} FROM links WHERE code = $1`, [code]);
    return row as unknown as Link;
  });
}

export async function findLink(store: Store, code: string): Promise<Link | null> {
  const [row] = await store.all(`SELECT ${LINK_COLUMNS} FROM links WHERE code = $1`, [code]);
  return (row as unknown as Link) ?? null;
}

const LINK_LIST_COLUMNS = [
  'code',
  'target_url',
  'platform',
  'campaign',
  'post_id',
  'disabled',
  'expires_at',
  'created_at',
];

/** Links with their human clicks, unique visitors (per day) and bot hits. */
export async function listLinks(store: Store) {
  const { dialect } = store;
  const human = 'c.click_id IS NOT NULL AND NOT coalesce(c.is_bot, false)';
  const visitorDay = `c.visitor_key || ${dialect.text('c.clicked_at', 'date')}`;
  const columns = LINK_LIST_COLUMNS.map((name) => `l.${name}`).join(', ');
  const rows = await store.all(`
    SELECT ${LINK_LIST_COLUMNS.map((name) => `l.${name} AS ${name}`).join(', ')},
           ${dialect.count(human)} AS clicks,
           ${dialect.countDistinct(visitorDay, human)} AS unique_clicks,
           ${dialect.count('c.is_bot')} AS bot_hits
    FROM links l LEFT JOIN clicks c ON c.code = l.code
    GROUP BY ${columns} ORDER BY l.created_at DESC`);
  // ClickHouse keeps booleans as 0/1.
  return rows.map((row): ResultRow => ({ ...row, disabled: Boolean(row.disabled) }));
}

export async function disableLink(store: Store, code: string): Promise<void> {
  if (!(await findLink(store, code))) throw new InputError(`no link with code "${code}"`);
  await store.run('UPDATE links SET disabled = true WHERE code = $1', [code]);
}

// Interactions are labelled as they are imported; labels the file gave are kept and marked as such.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.ts';
import type { Store } from '../../src/store/index.ts';
import { emptyStore, ENGINES } from '../engines.ts';

const CSV = `interaction_id,platform,account_id,kind,author_id,created_at,text,sentiment
c1,instagram,instagram:lumen,comment,a1,2025-03-01T10:00:00Z,"Je recommande, service impeccable",
c2,instagram,instagram:lumen,comment,a2,2025-03-01T11:00:00Z,"Never buying again, terrible quality",
c3,instagram,instagram:lumen,comment,a3,2025-03-01T12:00:00Z,Colis reçu,positive
c4,instagram,instagram:lumen,participation,a4,2025-03-01T13:00:00Z,Je participe !,
c5,instagram,instagram:lumen,comment,a5,2025-03-01T14:00:00Z,😍😍,
`;

describe.each(ENGINES)('labelling at import (%s)', (engine) => {
  let store: Store;
  let rows: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    store = await emptyStore(engine);
    const file = join(mkdtempSync(join(tmpdir(), 'cadran-enrich-')), 'interactions.csv');
    writeFileSync(file, CSV);
    await importFile(store, file);
    const all = await store.all(
      'SELECT interaction_id, sentiment, sentiment_source, lang, recommends, expects_reply FROM interactions',
    );
    rows = Object.fromEntries(all.map((row) => [row.interaction_id as string, row]));
  });
  afterAll(() => store.close());

  it('labels a French recommendation positive, French, promoter, by the model', () => {
    expect(rows.c1).toMatchObject({
      sentiment: 'positive',
      sentiment_source: 'model',
      lang: 'fr',
      recommends: 'promoter',
    });
  });
  it('labels an English "never buying again" negative, English, detractor', () => {
    expect(rows.c2).toMatchObject({ sentiment: 'negative', lang: 'en', recommends: 'detractor' });
  });
  it('keeps the label the file gave and says so', () => {
    // the model would read "Colis reçu" (parcel received) as neutral; the file's positive stands
    expect(rows.c3).toMatchObject({ sentiment: 'positive', sentiment_source: 'import' });
  });
  it('leaves contest entries unlabelled: they carry no opinion', () => {
    expect(rows.c4).toMatchObject({ sentiment: null, sentiment_source: null });
  });
  it('marks an emoji-only comment as expecting no reply, but still labels it', () => {
    expect(rows.c5).toMatchObject({ expects_reply: false, sentiment: 'positive' });
    expect(rows.c1.expects_reply).toBe(true);
  });
});

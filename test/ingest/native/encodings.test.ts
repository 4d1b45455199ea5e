// The same French export saved by different tools (UTF-8 with BOM, UTF-16, Windows-1252, tab or
// semicolon separated) lands the same rows.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../../src/ingest/index.ts';
import { emptyStore, ENGINES, type EngineName } from '../../engines.ts';
import { exportFixture, landedRows } from './helpers.ts';

const folder = mkdtempSync(join(tmpdir(), 'cadran-native-encodings-'));
const french = readFileSync(exportFixture('Publications_fr.csv'), 'utf8');

async function importedRows(engine: EngineName, name: string, bytes: Buffer) {
  const path = join(folder, `${engine}-${name}`);
  writeFileSync(path, bytes);
  const store = await emptyStore(engine);
  try {
    const [summary] = await importPath(store, path);
    expect(summary.format).toBe('facebook-posts');
    const posts = await landedRows(store, 'posts', 'post_id');
    const metrics = await landedRows(store, 'post_metrics', 'post_id');
    const extras = await store.all(
      'SELECT entity_key, metrics FROM extra_metrics ORDER BY entity_key',
    );
    return { posts, metrics, extras };
  } finally {
    store.close();
  }
}

describe.each(ENGINES)('encodings (%s)', (engine) => {
  it('UTF-8 with BOM, UTF-16 LE and BE, Windows-1252 and tabs give identical rows', async () => {
    const reference = await importedRows(engine, 'utf8.csv', Buffer.from(french));
    expect(reference.posts[0].text).toBe('Nouvelle lampe Aube, en boutique demain.\nRéservez-la !');
    const variants: [string, Buffer][] = [
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(french)])],
      ['utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(french, 'utf-16le')])],
      ['utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(french, 'utf-16be')])],
      ['cp1252.csv', iconv.encode(french, 'windows-1252')],
      ['tabs.csv', Buffer.from(french.replaceAll(';', '\t'))],
    ];
    for (const [name, bytes] of variants)
      expect(await importedRows(engine, name, bytes)).toEqual(reference);
  });

  it('a Windows-1252 file whose first accent comes after the first megabyte still reads right', async () => {
    const header = french.split('\r\n')[0];
    const filler = Array.from({ length: 30_000 }, (_, index) =>
      `99_${index};1234567890;Maison Lumen;;Post ${index};;08/01/2025 10:00;;;Non;Non;Photos;fr;;;;Durée de vie;1;1;0;0;0;0;0;0;0;;`.replace(
        'Durée',
        'Duree',
      ),
    );
    const text = [
      header.replace(/[éèê]/g, 'e'),
      ...filler,
      french.split('\r\n')[1] + '\r\n' + french.split('\r\n')[2],
    ].join('\r\n');
    const path = join(folder, `${engine}-late-accent.csv`);
    writeFileSync(path, iconv.encode(text, 'windows-1252'));
    const store = await emptyStore(engine);
    try {
      await importPath(store, path, { format: 'facebook-posts' });
      const [post] = await store.all(
        "SELECT text FROM posts WHERE post_id = 'facebook:1234567890_111'",
      );
      expect(post.text).toBe('Nouvelle lampe Aube, en boutique demain.\nRéservez-la !');
    } finally {
      store.close();
    }
  });
});

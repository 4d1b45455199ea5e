// Folders are imported recursively, uploads keep the name the user gave, and --format overrides
// detection.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  importPath,
  importUpload,
  listImportFiles,
  type ImportProgress,
} from '../../../src/ingest/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { emptyStore, ENGINES } from '../../engines.ts';
import { exportFixture } from './helpers.ts';

let store: Store;
afterEach(() => store.close());

describe.each(ENGINES)('paths (%s)', (engine) => {
  it('imports every file of a folder and its subfolders, skipping hidden ones', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cadran-native-folder-'));
    mkdirSync(join(folder, 'meta', 'january'), { recursive: true });
    copyFileSync(exportFixture('Content.csv'), join(folder, 'Content.csv'));
    copyFileSync(
      exportFixture('Instagram_posts_Jan-2025.csv'),
      join(folder, 'meta', 'january', 'ig.csv'),
    );
    writeFileSync(join(folder, '.DS_Store'), 'not an export');
    expect((await listImportFiles(folder)).map((path) => path.slice(folder.length))).toEqual([
      '/Content.csv',
      '/meta/january/ig.csv',
    ]);
    store = await emptyStore(engine);
    const summaries = await importPath(store, folder);
    expect(summaries.map((summary) => summary.format)).toEqual([
      'tiktok-content',
      'instagram-posts',
    ]);
  });

  it('an upload is recorded under the name the user gave it', async () => {
    store = await emptyStore(engine);
    const summary = await importUpload(store, exportFixture('Content.csv'), 'tiktok-january.csv');
    expect(summary.file).toBe('tiktok-january.csv');
    const [row] = await store.all('SELECT file_name, format, rows FROM imports');
    expect(row).toEqual({ file_name: 'tiktok-january.csv', format: 'tiktok-content', rows: 2 });
  });

  it('--format picks the format and --account names the account', async () => {
    store = await emptyStore(engine);
    const summary = await importUpload(store, exportFixture('Table data.csv'), 'yt.csv', {
      format: 'youtube-content',
      account: 'LumenTV',
    });
    expect(summary.format).toBe('youtube-content');
    const accounts = await store.all('SELECT DISTINCT account_id FROM posts');
    expect(accounts).toEqual([{ account_id: 'youtube:lumentv' }]);
  });

  it('reports progress with rows and bytes read', async () => {
    store = await emptyStore(engine);
    const seen: ImportProgress[] = [];
    await importPath(store, exportFixture('typeform_nps_responses.csv'), {
      onProgress: (progress) => seen.push(progress),
    });
    expect(seen.at(-1)).toMatchObject({ rows: 5, file: 'typeform_nps_responses.csv' });
    expect(seen.at(-1)!.bytes).toBe(seen.at(-1)!.totalBytes);
  });
});

// Uploads wait in one folder beside the store: an upload cut off mid-way leaves nothing there, and
// what a crash left behind is removed when the server starts.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp, createToken } from '../../src/server/index.ts';
import { uploadFolderOf } from '../../src/server/routes/imports.ts';
import { ENGINES, emptyStore } from '../engines.ts';

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}

/** Every file under a folder, at any depth. */
const filesUnder = (folder: string): string[] =>
  existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }) : [];

describe.each(ENGINES)('%s: upload folder', (engine) => {
  it('what an interrupted upload left behind is removed when the server starts', async () => {
    const store = await emptyStore(engine);
    const stale = join(uploadFolderOf(store), 'upload-left-by-a-crash');
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, 'half.csv'), 'post_id,account_id\np1,');
    const app = await buildApp(store, { ingestEveryMs: 0, webDist: stale });
    expect(filesUnder(uploadFolderOf(store))).toEqual([]);
    await app.close();
    store.close();
  });

  it('an upload cut off mid-way leaves no folder behind', async () => {
    const store = await emptyStore(engine);
    const app = await buildApp(store, { ingestEveryMs: 0, webDist: uploadFolderOf(store) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const token = (await createToken(store, 'importer', 'analyst')).secret;
    const boundary = 'cut-off-upload';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\npost_id,account_id,platform,published_at\r\n`;
    const upload = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/imports',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(50 * 1024 * 1024), // announced, never all sent
      },
    });
    upload.on('error', () => undefined);
    upload.write(head);
    upload.write('p1,a1,instagram,2025-01-01\r\n'.repeat(40_000)); // about 1 MB of the 50
    // The server is writing the file into its upload folder...
    expect(
      await until(
        () => filesUnder(uploadFolderOf(store)).some((name) => name.endsWith('big.csv')),
        10_000,
      ),
    ).toBe(true);
    // ...when the client dies.
    upload.destroy();
    expect(await until(() => filesUnder(uploadFolderOf(store)).length === 0, 10_000)).toBe(true);
    await app.close();
    store.close();
  });
});

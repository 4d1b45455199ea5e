// The HTTP app as the API tests use it: a store, a stand-in dashboard page, no background ingest.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, createToken, type Role } from '../../src/server/index.ts';
import type { Store } from '../../src/store/index.ts';

type AppOptions = Parameters<typeof buildApp>[1];

/** The app on `store`, serving a one-line page where the built dashboard would be. */
export function testApp(store: Store, options: Omit<AppOptions, 'webDist'> = {}) {
  const dist = mkdtempSync(join(tmpdir(), 'cadran-web-'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>Cadran</title><div id="root"></div>',
  );
  return buildApp(store, { ingestEveryMs: 0, ...options, webDist: dist });
}

/** The Authorization header of a new API token with the given role. */
export async function bearer(store: Store, role: Role, name = 'tests') {
  return { authorization: `Bearer ${(await createToken(store, name, role)).secret}` };
}

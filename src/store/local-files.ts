// The files a store keeps on the local disk. Beside a store file, all of them. For a database server
// or an in-memory store, the runtime files (control socket, locks, uploads being read) go to the
// temporary folder, under a name derived from the address, so no address or password becomes a path;
// the durable ones (the click log, which holds clicks not yet in the store) go to the state folder,
// CADRAN_STATE_DIR or else ./data, where the default store file lives: a temporary folder may be
// emptied by a restart, the very moment the log is needed.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const isStoreFile = (location: string) =>
  location !== ':memory:' && !/^[a-z]+:\/\//i.test(location);

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The local file `<store><suffix>` of a store, e.g. `.sock`. */
export function localPathOf(location: string, suffix: string): string {
  if (isStoreFile(location)) return `${resolve(location)}${suffix}`;
  return join(tmpdir(), `cadran-${digestOf(location)}${suffix}`);
}

/** A folder of the store's own: `name` beside a store file, or its temporary counterpart. */
export function localFolderOf(location: string, name: string): string {
  return isStoreFile(location)
    ? join(dirname(resolve(location)), name)
    : localPathOf(location, `.${name}`);
}

/** The folder a database server's durable files go to, created (private to its owner) on first use. */
export function stateFolder(): string {
  const folder = resolve(process.env.CADRAN_STATE_DIR || 'data');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}

/** The address as it names the data (scheme, user, host, port, database), without its password. */
function withoutPassword(address: string): string {
  const url = new URL(address);
  url.password = '';
  return url.toString();
}

/**
 * The durable local file `<store><suffix>` of a store, which must outlive a restart: beside a store
 * file, in the state folder for a database server (the same after a password change).
 */
export function durablePathOf(location: string, suffix: string): string {
  if (location === ':memory:' || isStoreFile(location)) return localPathOf(location, suffix);
  return join(stateFolder(), `cadran-${digestOf(withoutPassword(location))}${suffix}`);
}

// The files a store keeps on the local disk (click log, control socket, locks, uploads): beside a
// store file; for an in-memory store or a database server, in the temporary folder, under a name
// derived from its address, so no address or password becomes a path.
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const isStoreFile = (location: string) =>
  location !== ':memory:' && !/^[a-z]+:\/\//i.test(location);

/** The local file `<store><suffix>` of a store, e.g. `.clicks.log`. */
export function localPathOf(location: string, suffix: string): string {
  if (isStoreFile(location)) return `${resolve(location)}${suffix}`;
  const digest = createHash('sha256').update(location).digest('hex').slice(0, 16);
  return join(tmpdir(), `cadran-${digest}${suffix}`);
}

/** A folder of the store's own: `name` beside a store file, or its temporary counterpart. */
export function localFolderOf(location: string, name: string): string {
  return isStoreFile(location)
    ? join(dirname(resolve(location)), name)
    : localPathOf(location, `.${name}`);
}

// How a command typed in a terminal reaches its store: through the server that holds it, when one
// answers on the store's control socket, otherwise by opening the file.
import { resolve } from 'node:path';
import { DEFAULT_STORE_PATH, openStore, openStoreAt } from '../store/index.ts';
import { explainStoreLock } from './errors.ts';
import type { CommandIO } from './io.ts';
import { controlSocketPath, runInServer } from './remote/index.ts';
import { CommandHandedOver, type StoreAccess } from './run.ts';

// A one-shot command gains nothing from the engine's cache, which may otherwise grow to 80 % of
// RAM: with this budget a 500 MB import stays under 1 GB, spilling to disk past it, at no cost in
// time. CADRAN_MEMORY_LIMIT overrides it.
const COMMAND_MEMORY_LIMIT = '512MB';

export function terminalStoreAccess(args: string[], io: CommandIO): StoreAccess {
  return {
    async withStore(storeOption, work) {
      const location = storeOption || io.env.CADRAN_STORE || io.env.CADRAN_DB || DEFAULT_STORE_PATH;
      // A ClickHouse server takes any number of clients: no file lock, no server to hand over to.
      if (location.startsWith('clickhouse://')) {
        const store = await openStoreAt(location);
        try {
          return await work(store);
        } finally {
          store.close();
        }
      }
      const exitCode = await runInServer(controlSocketPath(resolve(io.cwd, location)), args, io);
      if (exitCode !== null) throw new CommandHandedOver(exitCode);
      const store = await openStore(
        location,
        io.env.CADRAN_MEMORY_LIMIT || COMMAND_MEMORY_LIMIT,
      ).catch((error: unknown) => {
        throw explainStoreLock(error);
      });
      try {
        return await work(store);
      } finally {
        store.close();
      }
    },
  };
}

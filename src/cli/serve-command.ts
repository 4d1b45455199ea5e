import type { Command } from 'commander';
import { openStore } from '../store/index.ts';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { explainStoreLock } from './errors.ts';
import { printTo } from './io.ts';
import { positiveInteger } from './options.ts';
import { listenForCommands } from './remote/index.ts';

export function registerServeCommand(program: Command, { io, storeOption }: CliContext): void {
  program
    .command('serve')
    .description(describeCommand('serve'))
    .option('--port <n>', 'port', io.env.PORT ?? '3000')
    .option('--host <address>', 'address to listen on', io.env.HOST ?? '127.0.0.1')
    .option('--demo-if-empty', 'fill an empty store with the demo data first')
    .action(async (options) => {
      const port = positiveInteger(options.port, '--port');
      // The engine opens the store on its own threads while the server's code loads.
      const store = openStore(storeOption());
      store.catch(() => undefined); // awaited below, once the server's code is in
      const { startServer } = await import('../server/index.ts');
      await startServer({
        store,
        port,
        host: options.host,
        demoIfEmpty: Boolean(options.demoIfEmpty),
        log: printTo(io),
        // `cadran` commands typed while the server runs reach the store through it.
        control: listenForCommands,
      }).catch((error: unknown) => {
        throw explainStoreLock(error);
      });
    });
}

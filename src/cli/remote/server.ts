// The server's side: `cadran` commands typed while the server holds the store run here, on its
// store handle. Only the store's owner may connect: the socket is readable by its user alone.
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Store } from '../../store/index.ts';
import { EXIT_BAD_INPUT } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { invokedCommand } from '../command-table.ts';
import { runCli, type StoreAccess } from '../run.ts';
import { socketAddress } from './address.ts';
import { controlSocketPath, onMessages, send, type Request } from './protocol.ts';

export interface CommandListener {
  readonly socketPath: string;
  close(): Promise<void>;
}

/** Removes a socket a stopped server left behind; the caller holds the store, so none listens. */
function removeStaleSocket(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    // No socket there.
  }
}

type RunCommand = (args: string[], io: CommandIO) => Promise<number>;

function remoteIO(
  socket: Socket,
  request: Extract<Request, { type: 'run' }>,
  stdinSent: Promise<string>,
): CommandIO {
  return {
    out: (text) => send(socket, { type: 'out', text }),
    err: (text) => send(socket, { type: 'err', text }),
    errIsTerminal: request.errIsTerminal,
    cwd: request.cwd,
    env: request.env,
    readStdin: () => {
      send(socket, { type: 'stdin' });
      return stdinSent;
    },
  };
}

async function runRequest(
  socket: Socket,
  request: Request,
  stdinSent: Promise<string>,
  run: RunCommand,
) {
  if (request.type !== 'run') return socket.destroy();
  const io = remoteIO(socket, request, stdinSent);
  const code =
    invokedCommand(request.args) === 'serve'
      ? (io.err('error: this store is already served\n'), EXIT_BAD_INPUT)
      : await run(request.args, io);
  send(socket, { type: 'exit', code });
  socket.end();
}

/** The first message names the command; a later one may bring standard input, when asked for. */
function serveConnection(socket: Socket, run: RunCommand): void {
  let stdinArrived!: (text: string) => void;
  const stdinSent = new Promise<string>((resolve) => (stdinArrived = resolve));
  let started = false;
  onMessages<Request>(socket, (message) => {
    if (message.type === 'stdin') return stdinArrived(message.text);
    if (started) return;
    started = true;
    void runRequest(socket, message, stdinSent, run);
  });
}

function listen(server: Server, address: string): Promise<void> {
  // Created unreadable by others from the start, not chmod-ed after a window where anyone connects.
  const umask = process.umask(0o177);
  try {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(address, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
}

/**
 * Listens on `<store>.sock` and runs each command line sent there against `store`. Its writes move
 * the store's data and access versions on, so the server's caches read the store again at once.
 */
export async function listenForCommands(store: Store): Promise<CommandListener> {
  const socketPath = controlSocketPath(store.location);
  if (store.location === ':memory:') return { socketPath, close: async () => {} };
  const access: StoreAccess = { withStore: (_storeOption, work) => work(store) };
  const run: RunCommand = (args, io) => runCli(args, io, access);
  const server = createServer((socket) => {
    socket.on('error', () => socket.destroy());
    serveConnection(socket, run);
  });
  removeStaleSocket(socketPath);
  try {
    const address = socketAddress(socketPath);
    if (address === null) throw new Error('the path is too long for a socket');
    await listen(server, address);
    chmodSync(socketPath, 0o600);
  } catch (error) {
    server.close();
    // The dashboard still serves; only commands typed meanwhile find the store in use.
    process.stderr.write(
      `warning: no control socket at ${socketPath} (${(error as Error).message}): \`cadran\` commands on this store will wait for the server to stop\n`,
    );
    return { socketPath, close: async () => {} };
  }
  return {
    socketPath,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        removeStaleSocket(socketPath);
      }),
  };
}

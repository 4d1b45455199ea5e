// The command line's side: hand the command to the server holding the store, if one answers.
import { connect, type Socket } from 'node:net';
import type { CommandIO } from '../io.ts';
import { onMessages, send, type Reply } from './protocol.ts';
import { socketAddress } from './address.ts';

/** Opens the socket, or resolves null when no server listens there (missing or stale socket). */
function reach(socketPath: string): Promise<Socket | null> {
  const address = socketAddress(socketPath);
  if (address === null) return Promise.resolve(null);
  return new Promise((resolve) => {
    const socket = connect(address);
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(null));
  });
}

const forwardedEnv = (env: CommandIO['env']): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[0].startsWith('CADRAN_') && entry[1] !== undefined,
    ),
  );

/**
 * Runs the command line in the server listening at `socketPath`, relaying its output, and
 * resolves its exit code; null when no server listens, so the caller opens the store itself.
 */
export async function runInServer(
  socketPath: string,
  args: string[],
  io: CommandIO,
): Promise<number | null> {
  const socket = await reach(socketPath);
  if (!socket) return null;
  return new Promise((resolve) => {
    let exitCode: number | null = null;
    onMessages<Reply>(socket, (reply) => {
      if (reply.type === 'out') io.out(reply.text);
      else if (reply.type === 'err') io.err(reply.text);
      else if (reply.type === 'stdin')
        void io.readStdin().then((text) => send(socket, { type: 'stdin', text }));
      else {
        exitCode = reply.code;
        socket.end();
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      if (exitCode === null)
        io.err('internal error: the server stopped before the command ended\n');
      resolve(exitCode ?? 2);
    });
    send(socket, {
      type: 'run',
      args,
      cwd: io.cwd,
      env: forwardedEnv(io.env),
      errIsTerminal: io.errIsTerminal,
    });
  });
}

// The control socket's messages: one JSON object per line, each way.
import type { Socket } from 'node:net';
import { localPathOf } from '../../store/local-files.ts';

/** From the command line to the server. */
export type Request =
  | {
      type: 'run';
      args: string[];
      cwd: string;
      env: Record<string, string>;
      errIsTerminal: boolean;
    }
  | { type: 'stdin'; text: string };

/** From the server to the command line. */
export type Reply =
  | { type: 'out'; text: string }
  | { type: 'err'; text: string }
  | { type: 'stdin' }
  | { type: 'exit'; code: number };

/** The socket next to a store file: `<store>.sock` (see localPathOf for other stores). */
export function controlSocketPath(location: string): string {
  return localPathOf(location, '.sock');
}

export function send(socket: Socket, message: Request | Reply): void {
  if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
}

/** Calls `onMessage` with each whole line received, parsed. */
export function onMessages<T>(socket: Socket, onMessage: (message: T) => void): void {
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (line) onMessage(JSON.parse(line) as T);
    }
  });
}

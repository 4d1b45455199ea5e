// Runs the parsers of an untrusted file in a child process with a memory cap and a time limit, and
// kills it when either is exceeded: the server's event loop and heap never see the parser at work.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { InputError } from '../../model/index.ts';
import type { ParserReply, ParserRequest, SerialisedInputError } from './protocol.ts';

export interface SandboxLimits {
  /** V8 heap of the parsing process, in MB. */
  heapMegabytes: number;
  /** Resident memory of the parsing process, in MB: buffers and large strings live outside the heap. */
  residentMegabytes: number;
  /** Longest the process may work without answering (a batch of records, a whole workbook)... */
  workMilliseconds: number;
  /** ...plus this much per MB of the file: a Cadran CSV is parsed whole before its first answer. */
  workMillisecondsPerMegabyte: number;
}

export const SANDBOX_LIMITS: SandboxLimits = {
  heapMegabytes: 1536,
  residentMegabytes: 2048,
  workMilliseconds: 60_000,
  workMillisecondsPerMegabyte: 4_000,
};

const MEMORY_CHECK_MS = 50;
const PAGE_BYTES = 4096;

/** Resident memory of a process in MB, read from Linux's /proc; null elsewhere. */
function residentMegabytes(pid: number): number | null {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return (pages * PAGE_BYTES) / 1024 / 1024;
  } catch {
    return null;
  }
}

/** Compiled, the parser is its own bundle beside this one (scripts/build-cli.mjs); from the sources, tsx runs it. */
const COMPILED = import.meta.url.endsWith('.js');
const CHILD = new URL(COMPILED ? './parser-process.js' : './parser-process.ts', import.meta.url);
const loaderArgs = () =>
  COMPILED ? [] : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];

/** Takes one batch of an answer (see ParserReply 'batch'); the next is sent once it resolves. */
export type BatchHandler<Item> = (items: Item[], bytes: number) => Promise<void>;

function revive(error: SerialisedInputError): InputError {
  return new InputError(error.message, error.location, error.details.map(revive));
}

/** The error a user sees when the parsing process was stopped or refused the file as a whole. */
export function tooLargeOrComplex(file: string, why: string): InputError {
  return new InputError(
    `the file is too large or too complex to read safely (${why}); nothing was changed`,
    { file, expected: 'an export as the platform wrote it, split into smaller files if need be' },
  );
}

export class ParserSandbox {
  private readonly child: ChildProcess;
  private exited: string | null = null;
  private onExit: ((why: string) => void) | null = null;
  private timedOut = false;
  private readonly memoryWatch: NodeJS.Timeout;

  private readonly workMilliseconds: number;

  /** Starts the process for one file of `bytes` bytes (its size scales the time limit). */
  constructor(
    private readonly file: string,
    bytes: number,
    private readonly limits: SandboxLimits = SANDBOX_LIMITS,
  ) {
    this.workMilliseconds =
      limits.workMilliseconds + (bytes / 1024 / 1024) * limits.workMillisecondsPerMegabyte;
    this.child = fork(CHILD, [], {
      execArgv: [...loaderArgs(), `--max-old-space-size=${limits.heapMegabytes}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr!.resume();
    this.memoryWatch = setInterval(() => {
      const resident = this.child.pid ? residentMegabytes(this.child.pid) : null;
      if (resident !== null && resident > limits.residentMegabytes) this.child.kill('SIGKILL');
    }, MEMORY_CHECK_MS);
    this.memoryWatch.unref();
    this.child.on('exit', () => {
      clearInterval(this.memoryWatch);
      // A heap over the cap aborts the process; anything else unexpected is a crash on the file.
      this.exited = this.timedOut ? 'reading it took too long' : 'reading it needs too much memory';
      this.onExit?.(this.exited);
    });
  }

  /** Sends one request and waits for its answer; batches go to `onBatch` as they come. */
  request<T, Item = never>(request: ParserRequest, onBatch?: BatchHandler<Item>): Promise<T> {
    if (this.exited) return Promise.reject(tooLargeOrComplex(this.file, this.exited));
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const work = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.timedOut = true;
          this.child.kill('SIGKILL');
        }, this.workMilliseconds);
      };
      const settle = () => {
        clearTimeout(timer);
        this.child.off('message', listen);
        this.onExit = null;
      };
      const listen = (reply: ParserReply) => {
        clearTimeout(timer);
        if (reply.type === 'batch') {
          onBatch!(reply.items as Item[], reply.bytes).then(
            () => {
              work();
              this.child.send({ task: 'ack' } satisfies ParserRequest);
            },
            (error: unknown) => {
              settle();
              this.close();
              reject(error);
            },
          );
          return;
        }
        settle();
        if (reply.type === 'done') return resolve(reply.value as T);
        if (reply.tooLarge) return reject(tooLargeOrComplex(this.file, reply.tooLarge));
        reject(reply.inputError ? revive(reply.inputError) : new Error(reply.message));
      };
      this.onExit = (why) => {
        settle();
        reject(tooLargeOrComplex(this.file, why));
      };
      this.child.on('message', listen);
      work();
      this.child.send(request);
    });
  }

  close(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

// Runs a retraining in a child process (retrain-child.ts): training takes minutes of CPU, which would
// otherwise stall the event loop of the server (or of the CLI command it runs for).
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { InputError } from '../model/index.ts';
import type {
  RetrainJobRequest,
  RetrainPhase,
  RetrainReply,
  TrainedInChild,
} from './retrain-protocol.ts';

/** Compiled, the child is its own bundle beside this one (scripts/build-cli.mjs); from the sources, tsx runs it. */
const COMPILED = import.meta.url.endsWith('.js');
const CHILD = new URL(COMPILED ? './retrain-child.js' : './retrain-child.ts', import.meta.url);
const loaderArgs = () =>
  COMPILED ? [] : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];

export function trainInChildProcess(
  request: RetrainJobRequest,
  onPhase: (phase: RetrainPhase) => void = () => undefined,
): Promise<TrainedInChild> {
  const child = fork(CHILD, [], {
    execArgv: loaderArgs(),
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk).slice(-2000)));
  return new Promise<TrainedInChild>((resolve, reject) => {
    let settled = false;
    child.on('message', (reply: RetrainReply) => {
      if (reply.type === 'phase') return onPhase(reply.phase);
      settled = true;
      if (reply.type === 'done') resolve(reply.result);
      else if (reply.inputError)
        reject(new InputError(reply.inputError.message, reply.inputError.location));
      else reject(new Error(`retraining failed: ${reply.message}`));
    });
    child.on('error', (error) => {
      settled = true;
      reject(error);
    });
    child.on('exit', (code, signal) => {
      if (!settled)
        reject(
          new Error(
            `the retraining process stopped (${signal ?? `exit code ${code}`}) before it finished${stderr ? `: ${stderr.trim()}` : ''}`,
          ),
        );
    });
    child.send(request);
  });
}

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const launcher = join(root, 'bin', 'thread-pool.cjs');
const { sizeThreadPool } = createRequire(import.meta.url)(launcher) as {
  sizeThreadPool(env: Record<string, string | undefined>): void;
};

/** Pool threads a child holds in `open` on pipes nobody writes to yet. */
const HELD = 4;
const RELEASE_AFTER_MS = 1_500;

/**
 * How long a plain file read waits in a child process while HELD threads of its pool are held,
 * with the pool sized by the launcher or left at Node's default of 4.
 */
function fileReadWait(sized: boolean): number {
  const folder = mkdtempSync(join(tmpdir(), 'cadran-pool-'));
  const pipes = Array.from({ length: HELD }, (_, index) => join(folder, `pipe${index}`));
  execFileSync('mkfifo', pipes);
  const child = `
    ${sized ? `require(${JSON.stringify(launcher)}).sizeThreadPool(process.env);` : ''}
    const fs = require('node:fs');
    const pipes = ${JSON.stringify(pipes)};
    const held = pipes.map((pipe) => fs.promises.readFile(pipe));
    setTimeout(() => pipes.forEach((pipe) => fs.writeFileSync(pipe, 'x')), ${RELEASE_AFTER_MS});
    const started = performance.now();
    fs.promises.readFile(${JSON.stringify(launcher)}).then(async () => {
      console.log(Math.round(performance.now() - started));
      await Promise.all(held);
    });`;
  const env: Record<string, string> = { ...process.env, CADRAN_READ_CONNECTIONS: '3' } as never;
  delete env.UV_THREADPOOL_SIZE;
  const result = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', env });
  expect(result.stderr).toBe('');
  return Number(result.stdout.trim());
}

describe('the thread pool of the command', () => {
  it('makes room for every read connection and the writer beside Node’s default 4', () => {
    const env: Record<string, string | undefined> = { CADRAN_READ_CONNECTIONS: '3' };
    sizeThreadPool(env);
    expect(env.UV_THREADPOOL_SIZE).toBe('8'); // 3 readers + 1 writer + 4
  });

  it('keeps a size the environment gives', () => {
    const env: Record<string, string | undefined> = { UV_THREADPOOL_SIZE: '5' };
    sizeThreadPool(env);
    expect(env.UV_THREADPOOL_SIZE).toBe('5');
  });

  it('opens at least six read connections when the environment does not say', () => {
    const env: Record<string, string | undefined> = {};
    sizeThreadPool(env);
    expect(Number(env.UV_THREADPOOL_SIZE)).toBeGreaterThanOrEqual(6 + 1 + 4);
  });

  it('is sized before Node starts it, so file reads do not queue behind held threads', () => {
    expect(fileReadWait(false)).toBeGreaterThanOrEqual(RELEASE_AFTER_MS - 100);
    expect(fileReadWait(true)).toBeLessThan(RELEASE_AFTER_MS / 3);
  });
});

// Vitest global setup: starts a throwaway ClickHouse server (scripts/clickhouse-test-server.sh)
// for the run when clickhouse-server is installed, and stops it afterwards. Tests find it in
// CADRAN_TEST_CLICKHOUSE. CI sets CADRAN_REQUIRE_CLICKHOUSE=1 so a missing server fails the run.
// It also gives the run its own state folder (CADRAN_STATE_DIR).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(import.meta.dirname, '..', 'scripts', 'clickhouse-test-server.sh');

function installed(): boolean {
  try {
    execFileSync('sh', [
      '-c',
      'command -v clickhouse-server || test -x /usr/sbin/clickhouse-server',
    ]);
    return true;
  } catch {
    return false;
  }
}

export default function setup(): (() => void) | undefined {
  // Durable local files of database-server stores (click logs) stay out of the working folder.
  process.env.CADRAN_STATE_DIR ||= mkdtempSync(join(tmpdir(), 'cadran-state-'));
  if (process.env.CADRAN_TEST_CLICKHOUSE) return undefined; // a server given from outside
  if (!installed()) {
    if (process.env.CADRAN_REQUIRE_CLICKHOUSE === '1')
      throw new Error('CADRAN_REQUIRE_CLICKHOUSE=1 but clickhouse-server is not installed');
    return undefined;
  }
  const folder = mkdtempSync(join(tmpdir(), 'cadran-clickhouse-'));
  const http = 20_000 + (process.pid % 10_000);
  const tcp = http + 1;
  execFileSync(script, ['start', folder, String(http), String(tcp)], { stdio: 'inherit' });
  process.env.CADRAN_TEST_CLICKHOUSE = `clickhouse://default:@127.0.0.1:${http}`;
  return () => execFileSync(script, ['stop', folder], { stdio: 'inherit' });
}

// Builds the dashboard when web/dist is missing or older than its sources (npm start, npm test).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const web = import.meta.dirname;
const built = join(web, 'dist', 'index.html');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function webIsStale() {
  if (!existsSync(built)) return true;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((name) => join(web, name));
  return Math.max(...sources.filter(existsSync).map(newest)) > statSync(built).mtimeMs;
}

export function buildWeb() {
  process.stdout.write('Building the dashboard (web/dist)…\n');
  execFileSync(process.execPath, [join(web, '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(web, 'vite.config.ts'), '--logLevel', 'warn'], {
    stdio: 'inherit',
    // Test runners set NODE_ENV=test, which would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (webIsStale()) buildWeb();
}

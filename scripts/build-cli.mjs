// Compiles src/ into build/cli (what bin/cadran.cjs runs) when it is missing or older than its sources
// (npm install, npm start, npm test). One bundle per command, loaded on demand.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
// Two folders below the root, like src/server: paths the code makes from import.meta still hold.
export const CLI_BUILD = join(root, 'build', 'cli');
const entry = join(CLI_BUILD, 'main.js');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function cliIsStale() {
  if (!existsSync(entry)) return true;
  const sources = Math.max(newest(join(root, 'src')), statSync(import.meta.filename).mtimeMs);
  return sources > statSync(entry).mtimeMs;
}

export async function buildCli() {
  const { build } = await import('esbuild');
  rmSync(CLI_BUILD, { recursive: true, force: true });
  await build({
    // The parser of untrusted files (src/ingest/sandbox) and the sentiment retraining (src/nlp) run in
    // child processes of their own.
    entryPoints: {
      main: join(root, 'src', 'cli', 'main.ts'),
      'parser-process': join(root, 'src', 'ingest', 'sandbox', 'parser-process.ts'),
      'retrain-child': join(root, 'src', 'nlp', 'retrain-child.ts'),
    },
    outdir: CLI_BUILD,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Native addons stay packages, as does iconv-lite, whose tables Node loads only when a file
    // needs them; the rest is bundled, which saves resolving hundreds of files at each start.
    external: ['@duckdb/node-bindings', '@duckdb/node-bindings-*', '@node-rs/argon2', 'iconv-lite'],
    // CommonJS code bundled into ES modules still calls require() for Node's own modules.
    banner: {
      js: "import { createRequire as cadranRequire } from 'node:module'; const require = cadranRequire(import.meta.url);",
    },
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (cliIsStale()) await buildCli();
}

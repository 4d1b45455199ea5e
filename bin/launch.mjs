// Started by cadran.cjs. Runs the compiled command (build/cli, made at install and by npm start);
// while the sources are newer than that build, as during development, runs them through tsx instead.
import { cliIsStale, CLI_BUILD } from '../scripts/build-cli.mjs';

if (!cliIsStale()) {
  // The build is minified: a debugging stack names the source lines.
  if (process.env.CADRAN_DEBUG) process.setSourceMapsEnabled(true);
  await import(`${CLI_BUILD}/main.js`);
} else {
  const { register } = await import('tsx/esm/api').catch(() => {
    process.stderr.write('error: Cadran is not built: run `npm run build` in its folder\n');
    process.exit(2);
  });
  register();
  await import('../src/cli/main.ts');
}

// `npm run bench`: every benchmark of the project, each printed with its floor.
import { benchQueries } from './queries.ts';

const only = process.argv[2];
const suites: Record<string, () => Promise<void>> = {
  queries: benchQueries,
};

for (const [name, run] of Object.entries(suites)) {
  if (!only || only === name) await run();
}

// `npm run bench`: every benchmark of the project, each printed with its floor.
import { benchImports } from './imports.ts';
import { benchNlp } from './nlp.ts';
import { benchQueries } from './queries.ts';
import { benchRedirects } from './redirects.ts';
import { benchStartup } from './startup.ts';

const only = process.argv[2];
const suites: Record<string, () => Promise<void>> = {
  queries: benchQueries,
  redirects: benchRedirects,
  auth: async () => (await import('./auth.ts')).benchAuth(),
  dashboard: async () => (await import('./dashboard.ts')).benchDashboard(),
  imports: benchImports,
  'imports-clickhouse': async () =>
    (await import('./imports-clickhouse.ts')).benchImportsClickHouse(),
  load: async () => (await import('./load.ts')).benchLoad(),
  'import-while-reading': async () =>
    (await import('./import-while-reading.ts')).benchImportWhileReading(),
  nlp: benchNlp,
  startup: benchStartup,
  alerts: async () => (await import('./alerts.ts')).benchAlerts(),
  reports: async () => (await import('./reports.ts')).benchReports(),
  scorecard: async () => (await import('./scorecard.ts')).benchScorecard(),
  engines: async () => (await import('./engines.ts')).benchEngines(),
  copy: async () => (await import('./copy.ts')).benchCopy(),
};

for (const [name, run] of Object.entries(suites)) {
  if (!only || only === name) await run();
}

// `npm run bench`: every benchmark of the project, each printed with its floor.
import { benchImports } from './imports.ts';
import { benchSentiment } from './nlp.ts';
import { printTable } from './harness.ts';
import { benchQueries } from './queries.ts';
import { benchRedirects } from './redirects.ts';

const only = process.argv[2];
const suites: Record<string, () => Promise<void>> = {
  queries: benchQueries,
  redirects: benchRedirects,
  dashboard: async () => (await import('./dashboard.ts')).benchDashboard(),
  imports: benchImports,
  alerts: async () => (await import('./alerts.ts')).benchAlerts(),
  reports: async () => (await import('./reports.ts')).benchReports(),
  nlp: async () =>
    printTable(
      'Sentiment labelling, one core (median of 5 runs over 100 000 comments)',
      await benchSentiment(),
    ),
};

for (const [name, run] of Object.entries(suites)) {
  if (!only || only === name) await run();
}

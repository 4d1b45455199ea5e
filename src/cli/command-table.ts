// Every command's name and summary, and where its code lives: only the invoked command's module is
// loaded, so `cadran --help` and light commands start without the engine, the server or parsers.
import type { RegisterCommands } from './context.ts';

interface CommandEntry {
  description: string;
  load: () => Promise<RegisterCommands>;
}

const importCommands = async () => (await import('./import-command.ts')).registerImportCommands;
const linkCommands = async () => (await import('./links-command.ts')).registerLinkCommands;

export const COMMANDS: Record<string, CommandEntry> = {
  demo: {
    description:
      'fill the store with the deterministic demo data set (a French home-décor brand, 24 months)',
    load: async () => (await import('./demo-command.ts')).registerDemoCommand,
  },
  import: {
    description:
      'import platform exports and Cadran CSV files (the format is detected from the header)',
    load: importCommands,
  },
  imports: { description: 'list the imported files, or undo one', load: importCommands },
  kpis: {
    description: 'list the KPI catalog',
    load: async () => (await import('./catalog-command.ts')).registerCatalogCommand,
  },
  kpi: {
    description: 'compute KPIs over a period, with breakdowns and comparisons',
    load: async () => (await import('./kpi-command.ts')).registerKpiCommand,
  },
  objectives: {
    description: 'objectives and their scorecard',
    load: async () => (await import('./objectives-command.ts')).registerObjectiveCommands,
  },
  links: {
    description: 'tracked short links (UTM-tagged redirects served at /l/CODE)',
    load: linkCommands,
  },
  tokens: { description: 'API tokens for scripts, events and webhooks', load: linkCommands },
  nlp: {
    description: 'sentiment, language and recommendation labelling of comments (offline)',
    load: async () => (await import('./nlp-command.ts')).registerNlpCommands,
  },
  settings: {
    description: 'settings kept in the store',
    load: async () => (await import('./settings-command.ts')).registerSettingsCommands,
  },
  users: {
    description: 'people who log in to the dashboard, and API tokens for them',
    load: async () => (await import('./users-command.ts')).registerUserCommands,
  },
  alerts: {
    description: 'alerts raised when a KPI leaves its usual range or crosses a threshold',
    load: async () => (await import('./alerts-command.ts')).registerAlertCommands,
  },
  report: {
    description: 'write the report of a period: executive brief, then the detail (PDF or HTML)',
    load: async () => (await import('./report-command.ts')).registerReportCommand,
  },
  brand: {
    description: "the brand's name, colour, logo and time zone, as reports show them",
    load: async () => (await import('./brand-command.ts')).registerBrandCommand,
  },
  schedules: {
    description: 'reports sent on a schedule by `cadran serve` (e-mail or Slack/Teams webhook)',
    load: async () => (await import('./schedules-command.ts')).registerScheduleCommands,
  },
  store: {
    description: 'move the store to another engine (ClickHouse), checking the rows of every table',
    load: async () => (await import('./store-command.ts')).registerStoreCommands,
  },
  serve: {
    description: 'serve the dashboard and the HTTP API',
    load: async () => (await import('./serve-command.ts')).registerServeCommand,
  },
};

/** The summary of a top-level command, as `cadran --help` lists it. */
export function describeCommand(name: string): string {
  return COMMANDS[name].description;
}

/** The command a command line invokes: its first word that is not a global option or its value. */
export function invokedCommand(args: string[]): string | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--db') index++;
    else if (arg === 'help') return args[index + 1];
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { kpiById } from '../metrics/index.ts';
import {
  createObjective,
  deleteObjective,
  listObjectives,
  loadObjectivesYaml,
  parseObjective,
  scorecard,
  updateObjective,
  type Scorecard,
} from '../metrics/objectives.ts';
import { InputError } from '../model/index.ts';
import { formatChange, formatValue, renderTable } from './format.ts';
import { printTo } from './io.ts';
import { day, filtersOf, list } from './options.ts';

const STATUS_LABEL = {
  on_track: '● on track',
  at_risk: '◐ at risk',
  off_track: '○ off track',
  no_data: '· no data',
};

function renderScorecard(card: Scorecard): string {
  const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);
  const rows = card.entries.map((entry) => {
    const unit = entry.kpi.unit;
    return [
      entry.objective.name,
      entry.kpi.id,
      formatValue(entry.value, unit),
      formatValue(entry.objective.target, unit),
      percent(entry.progress),
      percent(entry.projected_progress),
      STATUS_LABEL[entry.status],
      formatChange(entry.yoy, unit),
      `${entry.objective.period.from} → ${entry.objective.period.to}`,
    ];
  });
  const header = [
    'objective',
    'kpi',
    'value',
    'target',
    'progress',
    'projected',
    'status',
    'vs year earlier',
    'period',
  ];
  const roo =
    card.return_on_objectives === null ? '—' : `${Math.round(card.return_on_objectives * 100)} %`;
  return `Scorecard on ${card.today}: Return on Objectives ${roo}\n\n${renderTable([header, ...rows], [false, false, true, true, true, true, false, false, false])}`;
}

function objectiveInput(options: Record<string, string | undefined>) {
  return {
    id: options.id,
    name: options.name,
    kpi: options.kpi,
    target: options.target === undefined ? undefined : Number(options.target),
    period: options.from || options.to ? { from: options.from, to: options.to } : undefined,
    direction: options.direction,
    baseline: options.baseline === undefined ? undefined : Number(options.baseline),
    filters: filtersOf(options),
  };
}

const withObjectiveOptions = (command: Command) =>
  command
    .option('--id <id>', 'objective id (default: made from the name)')
    .option('--name <text>', 'what the objective is for')
    .option('--kpi <id>', 'KPI id from `cadran kpis`')
    .option('--target <number>', 'target value (ratios as fractions: 0.035 for 3.5 %)')
    .option('--from <date>', 'first day of the period')
    .option('--to <date>', 'last day of the period')
    .option('--direction <direction>', 'increase or decrease (default: the KPI’s good way)')
    .option('--baseline <number>', 'starting value, if progress should count from it')
    .option('--platform <names>', 'only these platforms')
    .option('--account <ids>', 'only these accounts')
    .option('--campaign <names>', 'only these campaigns')
    .option('--content-type <types>', 'only these content types');

export function registerObjectiveCommands(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  const objectives = program.command('objectives').description(describeCommand('objectives'));

  objectives
    .command('scorecard', { isDefault: true })
    .description(
      'print the scorecard: value, target, progress, pace, status, comparisons, Return on Objectives',
    )
    .option('--load <file>', 'first create or update the objectives listed in a YAML file')
    .option('--today <date>', 'compute as of this day (default: today)')
    .option('--json', 'machine-readable output')
    .action((options) =>
      withStore(async (store) => {
        if (options.load) {
          const text = await readFile(resolve(io.cwd, options.load), 'utf8').catch(() => {
            throw new InputError('cannot read the file', { file: options.load });
          });
          const { created, updated } = await loadObjectivesYaml(
            store,
            text,
            basename(options.load),
          );
          if (!options.json)
            print(`${options.load}: ${created} objectives created, ${updated} updated\n`);
        }
        const card = await scorecard(store, {
          today: options.today ? day(options.today, '--today') : undefined,
        });
        print(options.json ? JSON.stringify(card, null, 2) : renderScorecard(card));
      }),
    );

  objectives
    .command('list')
    .description('list the objectives')
    .option('--json', 'machine-readable output')
    .action((options) =>
      withStore(async (store) => {
        const all = await listObjectives(store);
        if (options.json) return print(JSON.stringify(all, null, 2));
        print(
          all.length
            ? renderTable([
                ['id', 'name', 'kpi', 'target', 'direction', 'period', 'filters'],
                ...all.map((objective) => [
                  objective.id,
                  objective.name,
                  objective.kpi,
                  formatValue(objective.target, kpiById(objective.kpi)?.unit ?? 'count'),
                  objective.direction,
                  `${objective.period.from} → ${objective.period.to}`,
                  JSON.stringify(objective.filters),
                ]),
              ])
            : 'No objectives yet: add one with `cadran objectives add` or load a YAML file with `cadran objectives --load`.',
        );
      }),
    );

  withObjectiveOptions(objectives.command('add').description('create an objective')).action(
    (options) =>
      withStore(async (store) => {
        const objective = await createObjective(store, parseObjective(objectiveInput(options)));
        print(`created objective ${objective.id}`);
      }),
  );

  withObjectiveOptions(
    objectives.command('update').description('change an objective').argument('<id>'),
  ).action((id: string, options) =>
    withStore(async (store) => {
      const patch = Object.fromEntries(
        Object.entries(objectiveInput(options)).filter(
          ([, value]) =>
            value !== undefined && !(typeof value === 'object' && Object.keys(value).length === 0),
        ),
      );
      const objective = await updateObjective(store, id, patch);
      print(`updated objective ${objective.id}`);
    }),
  );

  objectives
    .command('delete')
    .description('delete objectives')
    .argument('<ids...>')
    .action((ids: string[]) =>
      withStore(async (store) => {
        for (const id of ids.flatMap((item) => list(item))) await deleteObjective(store, id);
        print(`deleted ${ids.length} objective${ids.length > 1 ? 's' : ''}`);
      }),
    );
}

// `cadran alerts`: the alerts raised, acknowledging one, and the rules that raise them.
import type { Command } from 'commander';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { printTo } from './io.ts';
import {
  acknowledgeAlert,
  createRule,
  deleteRule,
  describeAlert,
  evaluateAndNotify,
  listAlerts,
  listRules,
  type Lang,
} from '../alerts/index.ts';
import { InputError } from '../model/index.ts';
import { renderTable } from './format.ts';

function number(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new InputError(`${flag} must be a number, got "${text}"`);
  return value;
}

function listOption(text: string | undefined): string[] {
  return text
    ? text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];
}

export function registerAlertCommands(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  const alerts = program
    .command('alerts')
    .description(describeCommand('alerts'))
    .option('--json', 'machine-readable output')
    .option('--lang <lang>', 'en or fr', 'en')
    .option('--unacknowledged', 'only the alerts nobody acknowledged')
    .option('--limit <n>', 'newest N', '50')
    .action((options) =>
      withStore(async (store) => {
        const list = await listAlerts(store, {
          unacknowledged: Boolean(options.unacknowledged),
          limit: number(options.limit, '--limit'),
        });
        if (options.json) return print(JSON.stringify(list, null, 2));
        if (list.length === 0) return print('No alerts.');
        const lang: Lang = options.lang === 'fr' ? 'fr' : 'en';
        for (const alert of list) {
          const message = describeAlert(alert, lang);
          const state = alert.acknowledged_at ? `acknowledged by ${alert.acknowledged_by}` : 'open';
          print(`${alert.id}  ${message.subject.replace(/^Cadran — /, '')}  [${state}]`);
          print(`  ${message.text.split('\n').join('\n  ')}`);
          print(`  ${alert.link}\n`);
        }
      }),
    );
  alerts
    .command('ack')
    .description('acknowledge an alert')
    .argument('<id>', 'alert id')
    .option('--by <name>', 'who acknowledges it', process.env.USER ?? 'cli')
    .action((id: string, options) =>
      withStore(async (store) => {
        const alert = await acknowledgeAlert(store, id, options.by);
        print(`Acknowledged ${alert.id} (${alert.kpi}, ${alert.about}).`);
      }),
    );
  alerts
    .command('check')
    .description('evaluate every rule now and deliver what it raises')
    .action(() =>
      withStore(async (store) => {
        const raised = await evaluateAndNotify(store, { log: print });
        print(`${raised.length} new alert${raised.length === 1 ? '' : 's'}.`);
      }),
    );
  alerts
    .command('rules')
    .description('list the alert rules')
    .option('--json', 'machine-readable output')
    .action((options) =>
      withStore(async (store) => {
        const rules = await listRules(store);
        if (options.json) return print(JSON.stringify(rules, null, 2));
        print(
          renderTable([
            ['id', 'kind', 'kpi / objective', 'settings', 'deliver to'],
            ...rules.map((rule) => {
              const { kind, deliver_to, ...rest } = rule.spec;
              const subject = 'kpi' in rest ? rest.kpi : 'objective' in rest ? rest.objective : '';
              return [rule.id, kind, String(subject), JSON.stringify(rest), deliver_to.join(', ')];
            }),
          ]),
        );
      }),
    );
  alerts
    .command('add')
    .description('add a rule: --anomaly KPI, --threshold KPI --above/--below N, or --objective ID')
    .option('--anomaly <kpi>', 'alert when the KPI leaves its usual range')
    .option('--numerator', 'with --anomaly on a ratio: judge its numerator (negative comments)')
    .option('--k <n>', 'with --anomaly: width of the usual range (default 2.5)')
    .option('--min-base <n>', 'with --anomaly: smallest base that may alert (default 10)')
    .option('--threshold <kpi>', 'alert when the KPI crosses --above or --below')
    .option('--above <n>', 'threshold')
    .option('--below <n>', 'threshold')
    .option('--objective <id>', "alert when the objective's status gets worse")
    .option('--cooldown <hours>', 'quiet hours after an alert (default 24)')
    .option('--to <recipients>', 'e-mail addresses and webhook URLs, comma-separated')
    .action((options) =>
      withStore(async (store) => {
        const common = {
          cooldown_hours: number(options.cooldown, '--cooldown'),
          deliver_to: listOption(options.to),
        };
        const input = options.anomaly
          ? {
              kind: 'anomaly',
              kpi: options.anomaly,
              judge: options.numerator ? 'numerator' : 'value',
              k: number(options.k, '--k'),
              minimum_base: number(options.minBase, '--min-base'),
              ...common,
            }
          : options.threshold
            ? {
                kind: 'threshold',
                kpi: options.threshold,
                above: number(options.above, '--above'),
                below: number(options.below, '--below'),
                ...common,
              }
            : options.objective
              ? { kind: 'objective_status', objective: options.objective, ...common }
              : null;
        if (!input)
          throw new InputError('say what to watch: --anomaly, --threshold or --objective');
        const rule = await createRule(store, input);
        print(`Added alert rule ${rule.id}.`);
      }),
    );
  alerts
    .command('delete')
    .description('delete an alert rule')
    .argument('<id>', 'rule id')
    .action((id: string) =>
      withStore(async (store) => {
        await deleteRule(store, id);
        print(`Deleted alert rule ${id}.`);
      }),
    );
}

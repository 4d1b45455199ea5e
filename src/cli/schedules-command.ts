// `cadran schedules`: reports sent on a schedule, by e-mail or webhook, and the SMTP server they use.
import type { Command } from 'commander';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { printTo } from './io.ts';
import { InputError } from '../model/index.ts';
import {
  createSchedule,
  deleteSchedule,
  listRuns,
  listSchedules,
  nextDueAt,
  SCHEDULE_PERIODS,
  setScheduleEnabled,
} from '../schedules/index.ts';
import { writeSettings } from '../store/index.ts';
import { renderTable } from './format.ts';

export function registerScheduleCommands(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  const schedules = program.command('schedules').description(describeCommand('schedules'));
  schedules
    .command('list', { isDefault: true })
    .description('list the schedules and when each runs next')
    .option('--json', 'machine-readable output')
    .action((options) =>
      withStore(async (store) => {
        const list = await listSchedules(store);
        if (options.json) return print(JSON.stringify(list, null, 2));
        if (list.length === 0) return print('No schedule. Add one with `cadran schedules add`.');
        print(
          renderTable([
            ['id', 'name', 'when', 'time zone', 'period', 'lang', 'format', 'to', 'next run'],
            ...list.map((item) => [
              item.id,
              item.name,
              item.when,
              item.time_zone,
              item.period,
              item.lang,
              item.format,
              item.recipients.join(', '),
              item.enabled
                ? (nextDueAt(item.cron, item.time_zone, new Date())?.toISOString() ?? '—')
                : 'off',
            ]),
          ]),
        );
      }),
    );
  schedules
    .command('add')
    .description('add a schedule')
    .requiredOption('--name <text>', 'what it is for')
    .requiredOption('--when <text>', '"every Monday 08:00", "every day 07:30" or a cron expression')
    .requiredOption('--to <recipients>', 'e-mail addresses and webhook URLs, comma-separated')
    .option('--period <kind>', SCHEDULE_PERIODS.join(', '), 'previous_week')
    .option('--lang <lang>', 'en or fr', 'en')
    .option('--format <format>', 'pdf or html', 'pdf')
    .option('--time-zone <zone>', 'IANA time zone of --when', 'Europe/Paris')
    .action((options) =>
      withStore(async (store) => {
        const schedule = await createSchedule(store, {
          name: options.name,
          when: options.when,
          time_zone: options.timeZone,
          period: options.period,
          lang: options.lang,
          format: options.format,
          recipients: String(options.to)
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
        });
        const next = nextDueAt(schedule.cron, schedule.time_zone, new Date());
        print(`Added schedule ${schedule.id} (${schedule.cron}); next run ${next?.toISOString()}.`);
      }),
    );
  schedules
    .command('delete')
    .description('delete a schedule (its run log stays)')
    .argument('<id>', 'schedule id')
    .action((id: string) =>
      withStore(async (store) => {
        await deleteSchedule(store, id);
        print(`Deleted schedule ${id}.`);
      }),
    );
  for (const [name, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const)
    schedules
      .command(name)
      .description(`${name} a schedule`)
      .argument('<id>', 'schedule id')
      .action((id: string) =>
        withStore(async (store) => {
          await setScheduleEnabled(store, id, enabled);
          print(`Schedule ${id} ${enabled ? 'enabled' : 'disabled'}.`);
        }),
      );
  schedules
    .command('runs')
    .description('the run log: what was sent, late, failed or retried')
    .option('--json', 'machine-readable output')
    .action((options) =>
      withStore(async (store) => {
        const runs = await listRuns(store);
        if (options.json) return print(JSON.stringify(runs, null, 2));
        print(
          renderTable([
            ['run', 'status', 'attempts', 'late', 'due', 'sent', 'error'],
            ...runs.map((run) => [
              run.key,
              run.status,
              String(run.attempts),
              run.late ? 'late' : '',
              run.due_at,
              run.sent_at ?? '',
              run.last_error ?? '',
            ]),
          ]),
        );
      }),
    );
  schedules
    .command('smtp')
    .description('the SMTP server e-mails go through (CADRAN_SMTP_URL overrides it)')
    .argument('<url>', 'smtp://user:password@host:587 or smtps://…')
    .requiredOption('--from <address>', 'sender address')
    .action((url: string, options) =>
      withStore(async (store) => {
        if (!/^smtps?:\/\//.test(url))
          throw new InputError(
            `the SMTP address must start with smtp:// or smtps://, got "${url}"`,
          );
        await writeSettings(store, { smtp_url: url, smtp_from: options.from });
        print(`E-mails go through ${new URL(url).host} from ${options.from}.`);
      }),
    );
}

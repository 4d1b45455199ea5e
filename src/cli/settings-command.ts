import type { Command } from 'commander';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { InputError } from '../model/index.ts';
import { DEFAULT_BUSINESS_HOURS, readSettings, writeSettings } from '../store/index.ts';
import { renderTable } from './format.ts';
import { printTo } from './io.ts';

// The visitor-key secret is not for display.
const HIDDEN = new Set(['visitor_secret']);
const HOURS = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:00-18:00" → its two ends, refusing an empty or reversed range. */
export function parseBusinessHours(text: string): { open: string; close: string } {
  const match = HOURS.exec(text.trim());
  if (!match)
    throw new InputError(`business hours must read HH:MM-HH:MM (24 h, UTC), got "${text}"`);
  const [open, close] = text.trim().split('-');
  if (close <= open)
    throw new InputError(`business hours must close after they open, got "${text}"`);
  return { open, close };
}

export function registerSettingsCommands(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  const settings = program.command('settings').description(describeCommand('settings'));
  settings
    .command('list', { isDefault: true })
    .description('show the settings')
    .action(() =>
      withStore(async (store) => {
        const values = await readSettings(store);
        const hours = `${values.business_hours_open ?? DEFAULT_BUSINESS_HOURS.open}-${values.business_hours_close ?? DEFAULT_BUSINESS_HOURS.close}`;
        const rows = Object.entries(values).filter(
          ([name]) => !HIDDEN.has(name) && !name.startsWith('business_hours'),
        );
        print(
          renderTable(
            [
              ['setting', 'value'],
              ['business hours (Mon–Fri, UTC)', hours],
              ...rows.map(([name, value]) => [name, value ?? '']),
            ],
            [false, false],
          ),
        );
      }),
    );
  settings
    .command('business-hours')
    .description('the hours response times in business hours count, Monday to Friday, UTC')
    .argument('<range>', 'HH:MM-HH:MM, e.g. 09:00-18:00')
    .action((range: string) =>
      withStore(async (store) => {
        const { open, close } = parseBusinessHours(range);
        await writeSettings(store, { business_hours_open: open, business_hours_close: close });
        print(
          `Business hours: Monday to Friday, ${open}–${close} UTC. Response times in business hours are recomputed.`,
        );
      }),
    );
}

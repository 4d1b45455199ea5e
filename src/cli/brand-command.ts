// `cadran brand`: the name, colour, logo and time zone reports and schedules use.
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { printTo } from './io.ts';
import { InputError } from '../model/index.ts';
import { brandOf } from '../report/index.ts';
import { readSettings, writeSettings } from '../store/index.ts';

const LOGO_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};
const MAX_LOGO_BYTES = 200_000;

function logoDataUri(file: string): string {
  const type = LOGO_TYPES[extname(file).toLowerCase()];
  if (!type) throw new InputError(`${file}: the logo must be a .png, .jpg or .svg file`);
  const bytes = readFileSync(file);
  if (bytes.length > MAX_LOGO_BYTES)
    throw new InputError(`${file}: the logo must be under 200 KB (it is embedded in every report)`);
  return `data:${type};base64,${bytes.toString('base64')}`;
}

export function registerBrandCommand(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  program
    .command('brand')
    .description(describeCommand('brand'))
    .option('--name <text>', 'brand name')
    .option('--colour <hex>', 'main colour, #rrggbb')
    .option('--logo <file>', 'a .png, .jpg or .svg file, embedded in reports')
    .option('--time-zone <zone>', 'IANA time zone, e.g. Europe/Paris')
    .action((options) =>
      withStore(async (store) => {
        const values: Record<string, string> = {};
        if (options.name) values.brand_name = options.name;
        if (options.colour) {
          if (!/^#[0-9a-f]{6}$/i.test(options.colour))
            throw new InputError(`--colour must read #rrggbb, got "${options.colour}"`);
          values.brand_colour = options.colour;
        }
        if (options.logo) values.brand_logo = logoDataUri(resolve(io.cwd, options.logo));
        if (options.timeZone) {
          try {
            new Intl.DateTimeFormat('en', { timeZone: options.timeZone });
          } catch {
            throw new InputError(
              `unknown time zone "${options.timeZone}"; expected e.g. Europe/Paris`,
            );
          }
          values.time_zone = options.timeZone;
        }
        if (Object.keys(values).length) await writeSettings(store, values);
        const brand = brandOf(await readSettings(store));
        print(
          `Brand: ${brand.name}, colour ${brand.colour}, ${brand.logo ? 'with a logo' : 'no logo'}, time zone ${brand.timeZone}.`,
        );
      }),
    );
}

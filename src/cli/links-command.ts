import type { Command } from 'commander';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { parseTimestamp } from '../ingest/index.ts';
import { InputError } from '../model/index.ts';
import {
  createLink,
  createToken,
  disableLink,
  listLinks,
  revokeToken,
  listTokens,
  shortUrl,
  ROLES,
  type Role,
} from '../server/index.ts';
import { renderTable } from './format.ts';
import { printTo } from './io.ts';

export function registerLinkCommands(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  const links = program.command('links').description(describeCommand('links'));
  links
    .command('add')
    .description('create a tracked link')
    .argument('<url>', 'destination')
    .requiredOption('--campaign <name>', 'utm_campaign')
    .requiredOption('--source <network>', 'utm_source, e.g. linkedin')
    .option('--post <id>', 'post the link is published in (also utm_content)')
    .option('--content <text>', 'utm_content')
    .option('--code <code>', 'custom short code')
    .option('--expires <time>', 'ISO 8601 time after which the link stops redirecting')
    .action((url: string, options) =>
      withStore(async (store) => {
        const expiresAt = options.expires ? parseTimestamp(options.expires) : null;
        if (options.expires && expiresAt === null)
          throw new InputError(`--expires must be an ISO 8601 time (got "${options.expires}")`);
        const link = await createLink(
          store,
          {
            url,
            campaign: options.campaign,
            source: options.source,
            post: options.post,
            content: options.content,
            code: options.code,
            expiresAt,
          },
          'cli',
        );
        print(
          `${shortUrl(io.env.CADRAN_PUBLIC_URL ?? 'http://127.0.0.1:3000', link.code)} → ${link.target_url}`,
        );
      }),
    );
  links
    .command('list')
    .description('links with their clicks')
    .option('--json', 'machine-readable output')
    .action((options) =>
      withStore(async (store) => {
        const rows = await listLinks(store);
        if (options.json) return print(JSON.stringify(rows, null, 2));
        print(
          rows.length
            ? renderTable(
                [
                  [
                    'code',
                    'campaign',
                    'platform',
                    'clicks',
                    'unique/day',
                    'bots',
                    'state',
                    'target',
                  ],
                  ...rows.map((row) => [
                    String(row.code),
                    String(row.campaign ?? ''),
                    String(row.platform ?? ''),
                    String(row.clicks),
                    String(row.unique_clicks),
                    String(row.bot_hits),
                    row.disabled ? 'off' : 'on',
                    String(row.target_url),
                  ]),
                ],
                [false, false, false, true, true, true],
              )
            : 'No tracked links yet: create one with `cadran links add URL --campaign NAME --source NETWORK`.',
        );
      }),
    );
  links
    .command('disable')
    .description('turn a link off (it answers a clear page instead of redirecting)')
    .argument('<code>')
    .action((code: string) =>
      withStore(async (store) => {
        await disableLink(store, code);
        print(`link ${code} turned off`);
      }),
    );

  const tokens = program.command('tokens').description(describeCommand('tokens'));
  tokens
    .command('add')
    .description('create a token (its secret is shown once)')
    .argument('<name>', 'what it is for')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'analyst')
    .action((name: string, options) =>
      withStore(async (store) => {
        const token = await createToken(store, name, options.role as Role);
        print(
          `token ${token.id} (${options.role}): ${token.secret}\nSend it as "Authorization: Bearer ${token.secret}". It is not shown again.`,
        );
      }),
    );
  tokens
    .command('list')
    .description('list tokens (never their secrets)')
    .action(() =>
      withStore(async (store) => {
        const rows = await listTokens(store);
        print(
          rows.length
            ? renderTable([
                ['id', 'name', 'role', 'created', 'state'],
                ...rows.map((row) => [
                  String(row.token_id),
                  String(row.name),
                  String(row.role),
                  String(row.created_at).slice(0, 19),
                  row.revoked ? 'revoked' : 'active',
                ]),
              ])
            : 'No tokens yet: `cadran tokens add NAME`.',
        );
      }),
    );
  tokens
    .command('revoke')
    .description('revoke a token')
    .argument('<id>')
    .action((id: string) =>
      withStore(async (store) => {
        await revokeToken(store, id);
        print(`token ${id} revoked`);
      }),
    );
}

// `cadran users add|list|token|password|disable|enable`: dashboard logins and tokens tied to a person's role.
import type { Command } from 'commander';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { InputError } from '../model/index.ts';
import {
  createToken,
  createUser,
  findUserByEmail,
  generatePassword,
  listUsers,
  setPassword,
  updateUser,
  ROLES,
  type Role,
} from '../server/index.ts';
import { renderTable } from './format.ts';
import { printTo, type CommandIO } from './io.ts';

/** The password piped in with --password-stdin, or a generated one that is printed once. */
async function passwordOf(options: { passwordStdin?: boolean }, io: CommandIO) {
  if (options.passwordStdin)
    return { password: (await io.readStdin()).replace(/\r?\n$/, ''), generated: false };
  return { password: generatePassword(), generated: true };
}

function roleOf(options: { admin?: boolean; role?: string }): Role {
  const role = options.admin ? 'admin' : (options.role ?? 'viewer');
  if (!ROLES.includes(role as Role))
    throw new InputError(`--role must be one of ${ROLES.join(', ')} (got "${role}")`);
  return role as Role;
}

export function registerUserCommands(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  const users = program.command('users').description(describeCommand('users'));
  users
    .command('add')
    .description('add a user (the first admin can also be made on the setup page)')
    .argument('<email>', 'login')
    .option('--admin', 'make an administrator (same as --role admin)')
    .option(
      '--role <role>',
      `one of ${ROLES.join(', ')}: admin manages, analyst reads and imports, viewer reads`,
    )
    .option('--name <name>', 'display name')
    .option(
      '--password-stdin',
      'read the password from standard input (default: generate one and print it)',
    )
    .action((email: string, options) =>
      withStore(async (store) => {
        const role = roleOf(options);
        const { password, generated } = await passwordOf(options, io);
        const user = await createUser(store, { email, password, role, name: options.name });
        print(`${user.email} can log in as ${user.role}.`);
        if (generated)
          print(
            `Password: ${password}\n(shown once; change it from the dashboard, or with \`cadran users password\`)`,
          );
      }),
    );
  users
    .command('list')
    .description('list the users')
    .option('--json', 'machine-readable output')
    .action((options) =>
      withStore(async (store) => {
        const rows = await listUsers(store);
        if (options.json) return print(JSON.stringify(rows, null, 2));
        print(
          rows.length
            ? renderTable([
                ['email', 'name', 'role', 'created', 'last login', 'state'],
                ...rows.map((user) => [
                  user.email,
                  user.name ?? '',
                  user.role,
                  String(user.created_at).slice(0, 16).replace('T', ' '),
                  user.last_login_at
                    ? String(user.last_login_at).slice(0, 16).replace('T', ' ')
                    : 'never',
                  user.disabled ? 'disabled' : user.is_demo ? 'demo' : 'active',
                ]),
              ])
            : 'No users yet: `cadran users add --admin EMAIL`, or open the dashboard to set up the first admin.',
        );
      }),
    );
  users
    .command('token')
    .description(
      "create an API token with a user's role, for their scripts (the secret is shown once)",
    )
    .argument('<email>', 'user the token acts for')
    .option('--name <name>', 'what the token is for', 'script')
    .action((email: string, options) =>
      withStore(async (store) => {
        const user = await findUserByEmail(store, email);
        if (!user || user.disabled) throw new InputError(`no active user with the email ${email}`);
        const token = await createToken(
          store,
          `${options.name} (${user.email})`,
          user.role,
          user.id,
        );
        print(
          `token ${token.id} (${user.role}): ${token.secret}\nSend it as "Authorization: Bearer ${token.secret}". It is not shown again; revoke it with \`cadran tokens revoke ${token.id}\`.`,
        );
      }),
    );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(name)
      .description(
        disabled
          ? 'stop a user from logging in (ends their sessions at once)'
          : 'let a disabled user log in again',
      )
      .argument('<email>')
      .action((email: string) =>
        withStore(async (store) => {
          const user = await findUserByEmail(store, email);
          if (!user) throw new InputError(`no user with the email ${email}`);
          await updateUser(store, user.id, { disabled });
          print(`${user.email} ${disabled ? 'can no longer log in' : 'can log in again'}.`);
        }),
      );
  }
  users
    .command('password')
    .description("set a new password for a user (ends the user's sessions)")
    .argument('<email>')
    .option(
      '--password-stdin',
      'read the password from standard input (default: generate one and print it)',
    )
    .action((email: string, options) =>
      withStore(async (store) => {
        const user = await findUserByEmail(store, email);
        if (!user) throw new InputError(`no user with the email ${email}`);
        const { password, generated } = await passwordOf(options, io);
        await setPassword(store, user.id, password);
        print(
          generated
            ? `New password for ${user.email}: ${password}`
            : `Password of ${user.email} changed.`,
        );
      }),
    );
}

// Dashboard users: an email, a role and an Argon2id password hash.
import { randomBytes, randomUUID } from 'node:crypto';
import { InputError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { checkPasswordStrength, hashPassword } from './passwords.ts';
import { ROLES, type Role } from './roles.ts';

export interface User {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  created_at: string;
  last_login_at: string | null;
  disabled: boolean;
  is_demo: boolean;
}

export const DEMO_EMAIL = 'demo@cadran.local';
const EMAIL = /^[^\s@]+@[^\s@]+$/;

const COLUMNS =
  'user_id AS id, email, name, role, created_at, last_login_at, coalesce(disabled, false) AS disabled, coalesce(is_demo, false) AS is_demo';

export function normaliseEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (!EMAIL.test(normalised) || normalised.length > 320)
    throw new InputError(`"${email}" is not an email address`, { value: email });
  return normalised;
}

/** A password people can type from a terminal: 16 characters of base64url, about 96 bits. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

export async function countUsers(store: Store): Promise<number> {
  const [{ users }] = await store.all('SELECT count(*) AS users FROM users');
  return Number(users);
}

export async function listUsers(store: Store): Promise<User[]> {
  return (await store.all(
    `SELECT ${COLUMNS} FROM users ORDER BY created_at, email`,
  )) as unknown as User[];
}

export async function findUserByEmail(
  store: Store,
  email: string,
): Promise<(User & { password_hash: string }) | null> {
  const [row] = await store.all(`SELECT ${COLUMNS}, password_hash FROM users WHERE email = $1`, [
    email.trim().toLowerCase(),
  ]);
  return (row as unknown as User & { password_hash: string }) ?? null;
}

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  name?: string | null;
  isDemo?: boolean;
  /** Only create the user when there is none yet (first-run setup): checked in the same transaction. */
  onlyIfFirst?: boolean;
}

export async function createUser(store: Store, user: NewUser): Promise<User> {
  const email = normaliseEmail(user.email);
  if (!ROLES.includes(user.role)) throw new InputError(`role must be one of ${ROLES.join(', ')}`);
  checkPasswordStrength(user.password);
  const passwordHash = await hashPassword(user.password);
  const id = randomUUID();
  await store.transaction(async (tx) => {
    const [{ users, same }] = await tx.all(
      // sum(CASE …) rather than FILTER: both engines read it.
      'SELECT count(*) AS users, sum(CASE WHEN email = $1 THEN 1 ELSE 0 END) AS same FROM users',
      [email],
    );
    if (user.onlyIfFirst && Number(users) > 0)
      throw new InputError('Cadran is already set up: log in instead');
    if (Number(same) > 0) throw new InputError(`a user with the email ${email} already exists`);
    await tx.run(
      `INSERT INTO users (user_id, email, name, role, password_hash, created_at, disabled, is_demo)
       VALUES ($1, $2, $3, $4, $5, now(), false, $6)`,
      [id, email, user.name?.trim() || null, user.role, passwordHash, Boolean(user.isDemo)],
    );
  });
  return (await findUserByEmail(store, email))!;
}

export async function setPassword(store: Store, userId: string, password: string): Promise<void> {
  checkPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  await store.transaction(async (tx) => {
    await tx.run('UPDATE users SET password_hash = $1 WHERE user_id = $2', [passwordHash, userId]);
    // A new password ends the sessions opened with the old one.
    await tx.run('DELETE FROM sessions WHERE user_id = $1', [userId]);
  });
}

export async function updateUser(
  store: Store,
  userId: string,
  patch: { role?: Role; disabled?: boolean; name?: string | null },
): Promise<User> {
  await store.transaction(async (tx) => {
    // Checked before any write: ClickHouse has no rollback, so a refused change must write nothing.
    const [current] = await tx.all(
      'SELECT role, coalesce(disabled, false) AS disabled FROM users WHERE user_id = $1',
      [userId],
    );
    if (!current) throw new InputError(`no user with id "${userId}"`);
    const [{ others }] = await tx.all(
      "SELECT count(*) AS others FROM users WHERE role = 'admin' AND NOT coalesce(disabled, false) AND user_id <> $1",
      [userId],
    );
    const staysActiveAdmin =
      (patch.role ?? current.role) === 'admin' && !(patch.disabled ?? Boolean(current.disabled));
    if (Number(others) === 0 && !staysActiveAdmin)
      throw new InputError('keep at least one active admin');
    if (patch.role !== undefined)
      await tx.run('UPDATE users SET role = $1 WHERE user_id = $2', [patch.role, userId]);
    if (patch.name !== undefined)
      await tx.run('UPDATE users SET name = $1 WHERE user_id = $2', [patch.name, userId]);
    if (patch.disabled !== undefined) {
      await tx.run('UPDATE users SET disabled = $1 WHERE user_id = $2', [patch.disabled, userId]);
      if (patch.disabled) await tx.run('DELETE FROM sessions WHERE user_id = $1', [userId]);
    }
  });
  const [row] = await store.all(`SELECT ${COLUMNS} FROM users WHERE user_id = $1`, [userId]);
  return row as unknown as User;
}

/** The user behind a session or a token, read at every request; null when unknown or disabled. */
export async function activeUser(
  store: Store,
  userId: string,
): Promise<Pick<User, 'id' | 'email' | 'name' | 'role'> | null> {
  // Point lookups, one table each: DuckDB plans them in a fraction of a join's time.
  const [row] = await store.all(
    'SELECT user_id AS id, email, name, role FROM users WHERE user_id = $1 AND NOT coalesce(disabled, false)',
    [userId],
  );
  return (row as unknown as Pick<User, 'id' | 'email' | 'name' | 'role'>) ?? null;
}

export async function recordLogin(store: Store, userId: string): Promise<void> {
  await store.run('UPDATE users SET last_login_at = now() WHERE user_id = $1', [userId]);
}

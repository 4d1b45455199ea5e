// Dashboard sessions: a random cookie; the store keeps only its SHA-256, the user and the expiry.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../store/index.ts';
import type { Role } from './roles.ts';
import { activeUser } from './users.ts';

export const SESSION_COOKIE = 'cadran_session';
export const SESSION_DAYS = 14;
const DAY_MS = 86_400_000;

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

export async function openSession(
  store: Store,
  userId: string,
): Promise<{ secret: string; expires: Date }> {
  const secret = randomBytes(32).toString('base64url');
  const now = Date.now();
  const expires = new Date(now + SESSION_DAYS * DAY_MS);
  await store.transaction(async (tx) => {
    await tx.run(`DELETE FROM sessions WHERE expires_at <= ${tx.dialect.timestampFromMs('$1')}`, [
      now,
    ]);
    await tx.append(
      'sessions',
      ['session_hash', 'user_id', 'created_at', 'expires_at'],
      [[digest(secret), userId, now, expires.getTime()]],
    );
  });
  return { secret, expires };
}

export async function closeSession(store: Store, secret: string): Promise<void> {
  await store.run('DELETE FROM sessions WHERE session_hash = $1', [digest(secret)]);
}

/** The user of a live session on an active account, or null. */
export async function sessionUser(store: Store, secret: string): Promise<SessionUser | null> {
  const [session] = await store.all(
    `SELECT user_id, ${store.dialect.epochSeconds('expires_at')} * 1000 AS expires_ms FROM sessions WHERE session_hash = $1`,
    [digest(secret)],
  );
  if (!session || Number(session.expires_ms) <= Date.now()) return null;
  return activeUser(store, String(session.user_id));
}

export const sessionDigest = digest;

// The demo mode's login (npm start): made when no one can log in yet, its password renewed and printed at each start.
import type { Store } from '../../store/index.ts';
import {
  countUsers,
  createUser,
  DEMO_EMAIL,
  findUserByEmail,
  generatePassword,
  setPassword,
} from './users.ts';

/** The demo login to print, or null when real users exist and no demo login was ever made. */
export async function ensureDemoLogin(
  store: Store,
): Promise<{ email: string; password: string } | null> {
  const password = generatePassword();
  const existing = await findUserByEmail(store, DEMO_EMAIL);
  if (existing?.is_demo && !existing.disabled) {
    await setPassword(store, existing.id, password);
    return { email: DEMO_EMAIL, password };
  }
  if (existing || (await countUsers(store)) > 0) return null;
  await createUser(store, {
    email: DEMO_EMAIL,
    password,
    role: 'admin',
    name: 'Demo',
    isDemo: true,
  });
  return { email: DEMO_EMAIL, password };
}

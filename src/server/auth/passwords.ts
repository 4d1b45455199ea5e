// Passwords are hashed with Argon2id (memory-hard: 19 MiB, 2 passes, the OWASP baseline); never stored in clear.
import { hash, verify } from '@node-rs/argon2';
import { InputError } from '../../model/index.ts';

export const MIN_PASSWORD_LENGTH = 10;

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new InputError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 512) throw new InputError('the password must have at most 512 characters');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** A hash of a random string, verified against when the email is unknown so both cases take as long. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  try {
    return await verify(passwordHash ?? (await decoy), password);
  } catch {
    return false;
  }
}

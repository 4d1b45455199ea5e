import { randomBytes } from 'node:crypto';
import { InputError } from '../../model/index.ts';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/l/I
const GENERATED_LENGTH = 8; // 56⁸ ≈ 9.7 × 10¹³ codes: not enumerable by trying
// Three letters are found by trying (26³ = 17 576); six lower-case letters alone are 26⁶ ≈ 3 × 10⁸, out of
// reach at 30 unknown codes a minute per address.
export const MIN_CUSTOM_CODE_LENGTH = 6;
const CUSTOM_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{5,63}$/;

export function randomCode(): string {
  const bytes = randomBytes(GENERATED_LENGTH * 2);
  let code = '';
  // Rejection sampling keeps every letter equally likely.
  for (const byte of bytes) {
    if (byte < 256 - (256 % ALPHABET.length)) code += ALPHABET[byte % ALPHABET.length];
    if (code.length === GENERATED_LENGTH) return code;
  }
  return code + randomCode().slice(code.length);
}

export function checkCustomCode(code: string): string {
  if (code.length < MIN_CUSTOM_CODE_LENGTH) {
    throw new InputError(
      `custom code "${code}" is too short: use at least ${MIN_CUSTOM_CODE_LENGTH} characters, so it cannot be guessed by trying`,
      {
        column: 'code',
        value: code,
        expected: `${MIN_CUSTOM_CODE_LENGTH} to 64 letters, digits, - or _`,
      },
    );
  }
  if (!CUSTOM_CODE.test(code)) {
    throw new InputError(`custom code "${code.slice(0, 80)}" is not allowed`, {
      expected: `${MIN_CUSTOM_CODE_LENGTH} to 64 letters, digits, - or _, starting with a letter or digit`,
    });
  }
  return code;
}

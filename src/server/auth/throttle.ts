// Slows password guessing. Each attempt is reserved before its password is checked (so parallel guesses
// cannot all slip past a count read earlier) against three windows of 15 minutes: one address on one
// account (5), one account from anywhere (20), one address across accounts (30, against spraying).
// A right password hands its reservation back.
import { addressKey, takeAll, WindowLimiter } from '../rate-limit.ts';

const WINDOW_MS = 15 * 60_000;

export interface LoginAttempt {
  /** 0 when the attempt may go on; else how long to wait. */
  waitMs: number;
  /** Call when the password was right: the attempt no longer counts against anyone. */
  succeeded(): void;
}

export class LoginThrottle {
  private readonly accountFromAddress = new WindowLimiter(5, WINDOW_MS);
  private readonly account = new WindowLimiter(20, WINDOW_MS);
  private readonly address = new WindowLimiter(30, WINDOW_MS);

  reserve(ip: string, email: string, now = Date.now()): LoginAttempt {
    const address = addressKey(ip);
    const account = email.trim().toLowerCase();
    const both = `${address}|${account}`;
    const waitMs = takeAll(
      [
        [this.accountFromAddress, both],
        [this.account, account],
        [this.address, address],
      ],
      now,
    );
    return {
      waitMs,
      succeeded: () => {
        this.accountFromAddress.reset(both);
        this.account.giveBack(account);
        this.address.giveBack(address);
      },
    };
  }
}

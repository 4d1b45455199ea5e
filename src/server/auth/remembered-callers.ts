// Who a session cookie or token stands for, remembered only while no write has touched users,
// sessions or tokens since it was read: a disable, demotion or revocation still holds from the next
// request, and the requests in between skip two store reads each.
import { createHash } from 'node:crypto';
import type { Store } from '../../store/index.ts';
import type { Principal } from './tokens.ts';

/** Bounds how late an expired session is noticed; revocations are seen at once through the version. */
const LONGEST_MS = 60_000;
const MOST_CALLERS = 10_000;

interface Remembered {
  principal: Principal;
  accessVersion: number;
  until: number;
}

export class RememberedCallers {
  private readonly callers = new Map<string, Remembered>();

  constructor(private readonly store: Store) {}

  /** The principal behind a credential, read again when access may have changed since. */
  async principalOf(
    credential: string,
    lookUp: () => Promise<Principal | null>,
  ): Promise<Principal | null> {
    const key = createHash('sha256').update(credential).digest('hex');
    const known = this.callers.get(key);
    if (known && known.accessVersion === this.store.accessVersion && Date.now() < known.until)
      return known.principal;
    // Taken before the read: a write landing during it leaves this entry already stale.
    const accessVersion = this.store.accessVersion;
    const principal = await lookUp();
    if (!principal) this.callers.delete(key);
    else {
      if (this.callers.size >= MOST_CALLERS) this.callers.clear();
      this.callers.set(key, { principal, accessVersion, until: Date.now() + LONGEST_MS });
    }
    return principal;
  }
}

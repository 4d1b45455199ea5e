import { describe, expect, it } from 'vitest';
import { addressKey, takeAll, WindowLimiter } from '../../src/server/rate-limit.ts';

describe('window limiter', () => {
  it('allows the limit per window, then says how long to wait', () => {
    const limiter = new WindowLimiter(3, 60_000);
    for (let hit = 0; hit < 3; hit++) {
      expect(limiter.waitFor('a', 1_000)).toBe(0);
      limiter.take('a', 1_000);
    }
    expect(limiter.waitFor('a', 11_000)).toBe(50_000); // window 1 000 → 61 000, asked at 11 000
    expect(limiter.waitFor('a', 61_000)).toBe(0);
  });

  it('never forgets a blocked key to make room: a full table refuses new keys instead', () => {
    const limiter = new WindowLimiter(1, 60_000, 2);
    limiter.take('blocked', 0);
    limiter.take('other', 0);
    expect(limiter.waitFor('newcomer', 5_000)).toBe(60_000);
    expect(limiter.waitFor('blocked', 5_000)).toBe(55_000);
    // once the windows are over they are dropped and new keys come in
    expect(limiter.waitFor('newcomer', 60_000)).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it('takes every key or none', () => {
    const narrow = new WindowLimiter(1, 60_000);
    const wide = new WindowLimiter(10, 60_000);
    expect(
      takeAll(
        [
          [narrow, 'x'],
          [wide, 'y'],
        ],
        0,
      ),
    ).toBe(0);
    expect(
      takeAll(
        [
          [narrow, 'x'],
          [wide, 'y'],
        ],
        0,
      ),
    ).toBe(60_000);
    wide.giveBack('y', 0);
    wide.giveBack('y', 0);
    // the refused attempt took nothing from the wide window, and giving back stops at zero
    for (let hit = 0; hit < 10; hit++) expect(takeAll([[wide, 'y']], 0)).toBe(0);
    expect(takeAll([[wide, 'y']], 0)).toBeGreaterThan(0);
  });
});

describe('address keys', () => {
  it('keys IPv4 as is and IPv6 by its /64, however it is written', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:85a3:42::1')).toBe('2001:db8:85a3:42::/64');
    expect(addressKey('2001:0DB8:85a3:0042:ffff:1:2:3')).toBe('2001:db8:85a3:42::/64');
    expect(addressKey('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});

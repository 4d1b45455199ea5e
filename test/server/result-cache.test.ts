// The result cache holds a bounded amount of text, forgets the least recently used first, and
// forgets everything when the data version moves on.
import { describe, expect, it } from 'vitest';
import { ResultCache, type CachedAnswer } from '../../src/server/cache/index.ts';

const body = (text: string): CachedAnswer => ({
  status: 200,
  contentType: 'application/json',
  body: text,
});
const stay = new AbortController().signal;
const ask = (cache: ResultCache, version: number, key: string, text = key.padEnd(100, '.')) =>
  cache.answer(version, key, async () => body(text), stay);

describe('result cache', () => {
  it('holds at most its capacity, dropping the least recently used answers first', async () => {
    const cache = new ResultCache(800);
    for (let index = 0; index < 8; index++) await ask(cache, 1, `k${index}`);
    // 8 answers of 100 characters fill 800 exactly
    expect(cache.stats()).toMatchObject({ entries: 8, size: 800 });
    expect((await ask(cache, 1, 'k0')).outcome).toBe('hit'); // k0 is now the most recent
    await ask(cache, 1, 'k8');
    // k8 pushed out the least recently used, k1; k0 stays
    expect(cache.stats()).toMatchObject({ entries: 8, size: 800 });
    expect((await ask(cache, 1, 'k0')).outcome).toBe('hit');
    expect((await ask(cache, 1, 'k1')).outcome).toBe('miss');
    for (let index = 0; index < 100; index++) await ask(cache, 1, `more${index}`);
    expect(cache.stats().size).toBeLessThanOrEqual(800);
  });

  it('does not keep an answer larger than an eighth of its capacity', async () => {
    const cache = new ResultCache(800);
    await ask(cache, 1, 'big', 'x'.repeat(101));
    expect(cache.stats()).toMatchObject({ entries: 0, size: 0 });
    expect((await ask(cache, 1, 'big', 'x'.repeat(101))).outcome).toBe('miss');
  });

  it('forgets every answer when the data version moves on', async () => {
    const cache = new ResultCache(800);
    await ask(cache, 1, 'scorecard', 'before');
    const after = await ask(cache, 2, 'scorecard', 'after');
    expect([after.outcome, after.answer.body]).toEqual(['miss', 'after']);
    expect(cache.stats()).toMatchObject({ entries: 1, size: 'after'.length });
  });

  it('calls off a shared computation only when its last caller has gone', async () => {
    const cache = new ResultCache(800);
    let computation: AbortSignal | undefined;
    const compute = (signal: AbortSignal) => {
      computation = signal;
      return new Promise<CachedAnswer>((resolve) => setTimeout(() => resolve(body('late')), 50));
    };
    const first = new AbortController();
    const second = new AbortController();
    const one = cache.answer(1, 'slow', compute, first.signal);
    const two = cache.answer(1, 'slow', compute, second.signal);
    first.abort();
    await expect(one).rejects.toThrow('cancelled');
    expect(computation!.aborted).toBe(false);
    second.abort();
    await expect(two).rejects.toThrow('cancelled');
    expect(computation!.aborted).toBe(true);
  });
});

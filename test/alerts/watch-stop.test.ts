import { describe, expect, it } from 'vitest';
import { watchAlerts } from '../../src/alerts/notify.ts';
import { generateDemo } from '../../src/demo/index.ts';
import { openStore } from '../../src/store/index.ts';

describe('the hourly alert watch', () => {
  it('stops only once the evaluation under way is over, so the store can close behind it', async () => {
    const store = await openStore(':memory:');
    await generateDemo(store, { seed: 42, scale: 0.25, today: '2026-12-01' });
    const log: string[] = [];
    const watch = watchAlerts(store, (line) => log.push(line)); // evaluates at once
    await watch.stop();
    store.close();
    // Had the evaluation still been reading, its next read would now fail and say so.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(log.filter((line) => line.includes('failed'))).toEqual([]);
    expect(log.some((line) => line.startsWith('alert '))).toBe(true); // it did evaluate
  });
});

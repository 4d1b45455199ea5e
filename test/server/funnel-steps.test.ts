// The funnel's drop-off: what each stage's headline keeps of the stage before and of the first stage,
// worked out by hand, and the same shares in /api/funnel from the stages' own values.
import { describe, expect, it } from 'vitest';
import { funnelSteps } from '../../src/server/funnel.ts';

describe('funnel drop-off between stages', () => {
  it('keeps each stage as a share of the previous one and of the first', () => {
    const steps = funnelSteps([
      { stage: 'awareness', kpi: 'impressions', value: 20_000 },
      { stage: 'engagement', kpi: 'engagements', value: 1_000 },
      { stage: 'conversion', kpi: 'conversions', value: 50 },
      { stage: 'advocacy', kpi: 'advocates', value: 10 },
    ]);
    // 1 000 ÷ 20 000 = 5 %; 50 ÷ 1 000 = 5 % (0.25 % of 20 000); 10 ÷ 50 = 20 % (0.05 % of 20 000).
    expect(steps.map((step) => [step.stage, step.fromPrevious, step.ofFirst])).toEqual([
      ['awareness', null, null],
      ['engagement', 0.05, 0.05],
      ['conversion', 0.05, 0.0025],
      ['advocacy', 0.2, 0.0005],
    ]);
  });

  it('has no share where the stage before is empty or not measured, rather than 0 or infinity', () => {
    const steps = funnelSteps([
      { stage: 'awareness', kpi: 'impressions', value: 0 },
      { stage: 'engagement', kpi: 'engagements', value: 4 },
      { stage: 'conversion', kpi: 'conversions', value: null },
      { stage: 'advocacy', kpi: 'advocates', value: 2 },
    ]);
    expect(steps.map((step) => [step.fromPrevious, step.ofFirst])).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ]);
  });
});

// Where a label stops being worth trusting: the highest top probability below which the model is wrong at least half the time.

export interface Judged {
  probability: number;
  correct: boolean;
}

/** Searched in steps of 0.01 from 1/3 (nothing flagged) to 0.99. */
export function chooseUncertainThreshold(judged: readonly Judged[]): number {
  let chosen = 0.34;
  for (let hundredths = 34; hundredths < 100; hundredths++) {
    const threshold = hundredths / 100;
    const below = judged.filter((entry) => entry.probability < threshold);
    if (below.length === 0) continue;
    const right = below.filter((entry) => entry.correct).length;
    if (right / below.length <= 0.5) chosen = threshold;
  }
  return chosen;
}

// `npm run train:sentiment`: rebuilds src/nlp/model/sentiment.model from ../shared/data/sentiment-train (train splits),
// then prints validation macro-F1 per language. Same data and seed, same bytes.
// Flags: --out PATH (another file), --limit N (first N rows of each training file), --seed N, --data DIR.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildModel, DEFAULT_TRAINING_DIR } from '../src/nlp/build-model.ts';
import { formatGroups } from '../src/nlp/evaluate.ts';
import { encodeModel, SHIPPED_MODEL_PATH } from '../src/nlp/model-file.ts';
import { DEFAULT_TRAINING } from '../src/nlp/train.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: SHIPPED_MODEL_PATH },
    limit: { type: 'string' },
    seed: { type: 'string' },
    data: { type: 'string', default: DEFAULT_TRAINING_DIR },
  },
});
const options = {
  ...DEFAULT_TRAINING,
  seed: values.seed ? Number(values.seed) : DEFAULT_TRAINING.seed,
};
const built = await buildModel({
  dataDir: values.data,
  limit: values.limit ? Number(values.limit) : undefined,
  options,
});
const bytes = encodeModel(built.model);
await mkdir(dirname(values.out!), { recursive: true });
await writeFile(values.out!, bytes);
console.log(
  `trained on ${built.trainingRows.toLocaleString('en-US')} rows in ${built.seconds.toFixed(1)} s; ` +
    `temperature ${built.model.temperature}, uncertain below ${built.model.uncertainBelow}; ` +
    `${(bytes.length / 1e6).toFixed(2)} MB → ${values.out}`,
);
console.log(formatGroups('Validation (macro-F1 per language)', built.validation));

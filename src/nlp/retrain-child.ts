// The process that retrains the sentiment model for one request and then exits: minutes of training run here,
// so the server that asked keeps answering. It answers the one RetrainJobRequest it receives (retrain-protocol.ts).
import { InputError } from '../model/index.ts';
import { buildModel, validate } from './build-model.ts';
import type { EvalGroup } from './evaluate.ts';
import { decodeModel, encodeModel } from './model-file.ts';
import type { RetrainJobRequest, RetrainReply } from './retrain-protocol.ts';
import { shippedModel } from './sentiment.ts';

const reply = (message: RetrainReply) =>
  new Promise<void>((resolve, reject) =>
    process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );

/** The figures without the misclassified texts: the asking side shows numbers only. */
const figuresOnly = (groups: EvalGroup[]): EvalGroup[] =>
  groups.map((group) => ({ ...group, errors: [] }));

async function retrain(request: RetrainJobRequest): Promise<void> {
  await reply({ type: 'phase', phase: 'validating baseline' });
  const baseline = request.baseline
    ? decodeModel(Buffer.from(request.baseline), 'the baseline model')
    : shippedModel();
  const before = await validate(baseline, request.dataDir);
  await reply({ type: 'phase', phase: 'training' });
  let validating: Promise<void> = Promise.resolve();
  const built = await buildModel({
    dataDir: request.dataDir,
    extra: request.corrections,
    extraRepeat: request.correctionRepeat,
    options: request.options,
    limit: request.limit,
    onTrained: () => void (validating = reply({ type: 'phase', phase: 'validating retrained' })),
  });
  await validating;
  const model = new Uint8Array(encodeModel(built.model));
  await reply({
    type: 'done',
    result: { before: figuresOnly(before), after: figuresOnly(built.validation), model },
  });
}

// The asking process went away (a server stopped mid-training): nobody is left to take the model.
process.once('disconnect', () => process.exit(0));

process.once('message', (request: RetrainJobRequest) => {
  retrain(request)
    .catch((error: unknown) =>
      reply({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
        inputError:
          error instanceof InputError
            ? { message: error.message, location: error.location }
            : undefined,
      }),
    )
    .finally(() => process.connected && process.disconnect());
});

// The model's file: "CADRANSM", a JSON header's byte length (uint32 LE), the header, then the weights as int16 LE
// with one scale. Written byte for byte the same from the same model (no dates, fixed key order).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SentimentModel } from './classifier.ts';

const MAGIC = 'CADRANSM';
const VERSION = 1;

/**
 * The model shipped with Cadran, trained by `npm run train:sentiment`. Reached from the project's
 * root, so the path holds from src/nlp and from the compiled build/cli alike (both two folders down).
 */
export const SHIPPED_MODEL_PATH = fileURLToPath(
  new URL('../../src/nlp/model/sentiment.model', import.meta.url),
);

interface Header {
  version: number;
  features: SentimentModel['features'];
  temperature: number;
  uncertainBelow: number;
  scale: number;
  weights: number;
  about: Record<string, unknown>;
}

export function encodeModel(model: SentimentModel): Buffer {
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const header: Header = {
    version: VERSION,
    features: model.features,
    temperature: model.temperature,
    uncertainBelow: model.uncertainBelow,
    scale,
    weights: model.weights.length,
    about: model.about,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const out = Buffer.alloc(8 + 4 + headerBytes.length + model.weights.length * 2);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerBytes.length, 8);
  headerBytes.copy(out, 12);
  let at = 12 + headerBytes.length;
  for (const w of model.weights) {
    out.writeInt16LE(Math.round(w / scale), at);
    at += 2;
  }
  return out;
}

export function decodeModel(bytes: Buffer, source: string): SentimentModel {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 8) !== MAGIC)
    throw new Error(`${source}: not a Cadran sentiment model (expected the "${MAGIC}" signature)`);
  const headerLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as Header;
  if (header.version !== VERSION)
    throw new Error(`${source}: model format ${header.version}, this Cadran reads ${VERSION}`);
  const weights = new Float32Array(header.weights);
  let at = 12 + headerLength;
  if (bytes.length !== at + header.weights * 2)
    throw new Error(`${source}: truncated model (${bytes.length} bytes)`);
  for (let k = 0; k < weights.length; k++, at += 2)
    weights[k] = bytes.readInt16LE(at) * header.scale;
  return {
    features: header.features,
    weights,
    temperature: header.temperature,
    uncertainBelow: header.uncertainBelow,
    about: header.about,
  };
}

export function readModelFile(path: string): SentimentModel {
  return decodeModel(readFileSync(path), path);
}

// A small seeded generator (mulberry32) and the distributions the demo draws from.
// Each table gets its own stream (forked by name), so changing one table never shifts another.

const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** FNV-1a of a label, mixed with the seed: the seed of one named stream. */
function streamSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (let index = 0; index < label.length; index++) {
    hash = Math.imul(hash ^ label.charCodeAt(index), 0x01000193);
  }
  return Math.imul(hash ^ (seed >>> 16), 0x9e3779b1) >>> 0;
}

export class Random {
  private state: number;
  private spareNormal = NaN;

  constructor(seed: number, label = '') {
    this.state = streamSeed(seed, label);
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal (Box-Muller, the second value kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = NaN;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Log-normal with the given median; sigma is the spread of its logarithm. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Poisson count: exact for small means, normal approximation above 30. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }

  /** Index drawn from cumulative weights (the last entry is the total). */
  weighted(cumulative: Float64Array): number {
    const target = this.next() * cumulative[cumulative.length - 1];
    let index = 0;
    while (cumulative[index] <= target && index < cumulative.length - 1) index++;
    return index;
  }

  /** Index in [0, n) with a Zipf-like skew: low indexes come back far more often. */
  skewed(n: number, exponent: number): number {
    return Math.floor(n * Math.pow(this.next(), exponent));
  }

  /** 16 lower-case hex digits (64 random bits). */
  hex64(): string {
    const high = (this.next() * 4294967296) >>> 0;
    const low = (this.next() * 4294967296) >>> 0;
    return (
      HEX_PAIRS[high >>> 24] +
      HEX_PAIRS[(high >>> 16) & 255] +
      HEX_PAIRS[(high >>> 8) & 255] +
      HEX_PAIRS[high & 255] +
      HEX_PAIRS[low >>> 24] +
      HEX_PAIRS[(low >>> 16) & 255] +
      HEX_PAIRS[(low >>> 8) & 255] +
      HEX_PAIRS[low & 255]
    );
  }

  /** `length` decimal digits, the first one non-zero. */
  digits(length: number): string {
    let text = String(1 + this.int(9));
    for (let index = 1; index < length; index++) text += String(this.int(10));
    return text;
  }
}

export function cumulative(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => (sums[index] = total += weight));
  return sums;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE62 = BASE64URL.slice(0, 62);

/** A short code unique per counter (an odd multiplier is a bijection on 32 bits), padded with random letters. */
export function uniqueCode(
  counter: number,
  random: Random,
  padding: number,
  alphabet: 'base64url' | 'base62' = 'base64url',
): string {
  const letters = alphabet === 'base62' ? BASE62 : BASE64URL;
  let value = Math.imul(counter + 1, 0x2545f491) >>> 0;
  let code = '';
  for (let index = 0; index < padding; index++) code += letters[random.int(letters.length)];
  do {
    code += letters[value % letters.length];
    value = Math.floor(value / letters.length);
  } while (value > 0);
  return code;
}

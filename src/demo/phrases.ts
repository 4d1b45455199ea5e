// Phrase templates expanded once into pools of ready texts, so generating a row only picks an index.
import { friendHandle } from './people.ts';
import { PHRASES_EN, SLOTS_EN } from './phrases-en.ts';
import { CAPTIONS, PHRASES_FR, SLOTS_FR } from './phrases-fr.ts';
import type { CampaignFamily } from './campaigns.ts';
import type { Random } from './random.ts';

export type CaptionKey = 'generic' | 'english' | 'contest' | CampaignFamily;
type BySentiment = { positive: string[]; neutral: string[]; negative: string[] };

export interface Phrasebook {
  opinion: BySentiment;
  delivery: string[];
  message: BySentiment;
  participation: string[];
  /** Brand replies, by the sentiment of what they answer; {name} is the author's first name. */
  reply: BySentiment;
  nps: { promoter: string[]; passive: string[]; detractor: string[] };
}

/** Sentiments are numbered in this order everywhere in the demo. */
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export const POSITIVE = 0;
export const NEUTRAL = 1;
export const NEGATIVE = 2;

/** Texts per language (0 fr, 1 en), then per sentiment (0 positive, 1 neutral, 2 negative). */
export interface TextPools {
  opinion: string[][][];
  delivery: string[][];
  message: string[][][];
  participation: string[][];
  /** A brand reply is before[i] + first name + after[i]. */
  replyBefore: string[][][];
  replyAfter: string[][][];
  nps: string[][][];
  captions: Record<CaptionKey, string[]>;
}

const COLLECTIONS = [
  'Opaline',
  'Éclat',
  'Sable',
  'Halo',
  'Rivage',
  'Céleste',
  'Aube',
  'Nuit d’été',
  'Lin',
  'Atelier',
];
const HAPPY = ['😍', '✨', '❤️', '💛', '🙌', '👏', '🤩', '🥰', '', '', '', ''];
const ANGRY = ['😡', '😤', '😞', '🙄', '👎', '😠', '', '', ''];
const VARIANTS = 24;

type Slots = Record<string, string[]>;

function fill(template: string, slots: Slots, random: Random): string {
  const text = template.replace(/\{(\w+)\}/g, (match, slot: string) => {
    switch (slot) {
      case 'name':
        return '{name}';
      case 'collection':
        return random.pick(COLLECTIONS);
      case 'happy':
        return random.pick(HAPPY);
      case 'angry':
        return random.pick(ANGRY);
      case 'friend':
      case 'friend2':
        return friendHandle(random);
      case 'order':
        return `ML${100_000 + random.int(900_000)}`;
      case 'color2':
        return random.pick(slots.color);
      default:
        return slots[slot] ? random.pick(slots[slot]) : match;
    }
  });
  return text.replace(/ {2,}/g, ' ').trim();
}

function expand(templates: string[], slots: Slots, random: Random): string[] {
  const texts: string[] = [];
  for (const template of templates) {
    const variants = /\{\w+\}/.test(template) ? VARIANTS : 1;
    for (let index = 0; index < variants; index++) texts.push(fill(template, slots, random));
  }
  return texts;
}

const bySentiment = (book: BySentiment, slots: Slots, random: Random) =>
  SENTIMENT_LABELS.map((sentiment) => expand(book[sentiment], slots, random));

function splitReplies(book: BySentiment, slots: Slots, random: Random): [string[][], string[][]] {
  const expanded = bySentiment(book, slots, random);
  const before = expanded.map((texts) => texts.map((text) => text.split('{name}')[0]));
  const after = expanded.map((texts) =>
    texts.map((text) => text.split('{name}').slice(1).join('')),
  );
  return [before, after];
}

export function buildTextPools(random: Random): TextPools {
  const books: [Phrasebook, Slots][] = [
    [PHRASES_FR, SLOTS_FR],
    [PHRASES_EN, SLOTS_EN],
  ];
  const replies = books.map(([book, slots]) => splitReplies(book.reply, slots, random));
  const captions = Object.fromEntries(
    Object.entries(CAPTIONS).map(([key, templates]) => [
      key,
      expand(templates, key === 'english' ? SLOTS_EN : SLOTS_FR, random),
    ]),
  ) as Record<CaptionKey, string[]>;
  return {
    opinion: books.map(([book, slots]) => bySentiment(book.opinion, slots, random)),
    delivery: books.map(([book, slots]) => expand(book.delivery, slots, random)),
    message: books.map(([book, slots]) => bySentiment(book.message, slots, random)),
    participation: books.map(([book, slots]) => expand(book.participation, slots, random)),
    replyBefore: replies.map(([before]) => before),
    replyAfter: replies.map(([, after]) => after),
    nps: books.map(([book, slots]) =>
      [book.nps.promoter, book.nps.passive, book.nps.detractor].map((texts) =>
        expand(texts, slots, random),
      ),
    ),
    captions,
  };
}

/** Sentiment score of a text written as `sentiment`: clearly signed, never exactly 0 for an opinion. */
export function sentimentScore(sentiment: number, random: Random): number {
  const value =
    sentiment === POSITIVE
      ? random.between(0.35, 0.95)
      : sentiment === NEGATIVE
        ? -random.between(0.35, 0.95)
        : random.between(-0.2, 0.2);
  return Math.round(value * 100) / 100;
}

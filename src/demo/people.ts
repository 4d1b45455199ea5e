// The people who comment, mention, message and share: per platform, a few with most of the activity.
import { PLATFORMS, type Platform } from '../model/index.ts';
import type { Random } from './random.ts';

const FIRST_FR = [
  'Camille',
  'Julie',
  'Léa',
  'Manon',
  'Chloé',
  'Emma',
  'Inès',
  'Sarah',
  'Marie',
  'Pauline',
  'Lucie',
  'Clara',
  'Anaïs',
  'Mathilde',
  'Charlotte',
  'Élodie',
  'Céline',
  'Sophie',
  'Nathalie',
  'Isabelle',
  'Aurélie',
  'Margaux',
  'Océane',
  'Justine',
  'Laura',
  'Audrey',
  'Thomas',
  'Nicolas',
  'Julien',
  'Maxime',
  'Antoine',
  'Hugo',
  'Lucas',
  'Romain',
  'Alexandre',
  'Guillaume',
  'Pierre',
  'Mathieu',
  'Kevin',
  'Florian',
  'Quentin',
  'Benjamin',
  'Vincent',
  'Sébastien',
  'Yanis',
  'Karim',
  'Mehdi',
  'Amina',
  'Yasmine',
  'Sofia',
];
const LAST_FR = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guerin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clement',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Benali',
];
const FIRST_EN = [
  'Emily',
  'Olivia',
  'Sophie',
  'Grace',
  'Hannah',
  'Chloe',
  'Lucy',
  'Amelia',
  'Jessica',
  'Charlotte',
  'Ella',
  'Mia',
  'Sarah',
  'Laura',
  'James',
  'Oliver',
  'Jack',
  'Harry',
  'George',
  'Daniel',
  'Ben',
  'Tom',
  'Sam',
  'Liam',
  'Noah',
  'Ethan',
  'Lena',
  'Anna',
  'Marco',
  'Elena',
];
const LAST_EN = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Evans',
  'Walker',
  'Wright',
  'Thompson',
  'White',
  'Hughes',
  'Green',
  'Hall',
  'Wood',
  'Clarke',
  'Peeters',
  'Janssens',
  'Müller',
  'Schmidt',
  'Rossi',
  'Bianchi',
  'Fischer',
  'Meyer',
];

const PLATFORM_CODE: Record<Platform, string> = {
  facebook: 'fb',
  instagram: 'ig',
  linkedin: 'li',
  x: 'x',
  youtube: 'yt',
  tiktok: 'tt',
};
/** Share of the author population on each platform. */
const PLATFORM_POPULATION: Record<Platform, number> = {
  instagram: 0.34,
  facebook: 0.24,
  tiktok: 0.16,
  x: 0.1,
  linkedin: 0.09,
  youtube: 0.07,
};
const HANDLE_PLATFORMS = new Set<Platform>(['instagram', 'tiktok', 'x', 'youtube']);

export const MOOD_NORMAL = 0;
export const MOOD_FAN = 1;
export const MOOD_CRITIC = 2;
export const LANG_FR = 0;
export const LANG_EN = 1;
export const LANGS = ['fr', 'en'] as const;

/** Authors of one platform, as parallel arrays (no object per person). */
export interface AuthorPool {
  size: number;
  ids: string[];
  names: string[];
  firstNames: string[];
  audience: Int32Array;
  lang: Uint8Array;
  mood: Uint8Array;
}

/** Zipf-like pick: the lowest indexes are the regulars who come back again and again. */
export function pickAuthor(pool: AuthorPool, random: Random): number {
  return random.skewed(pool.size, 2.6);
}

function simplify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A social handle made from a name, e.g. julie.martin92. */
export function handleOf(first: string, last: string, random: Random): string {
  const separator = random.pick(['.', '_', '', '.']);
  const suffix = random.chance(0.5) ? String(random.int(99) + 1) : '';
  return (
    simplify(
      random.chance(0.3) ? `${first}${separator}${last[0]}` : `${first}${separator}${last}`,
    ) + suffix
  );
}

/** Followers of an author: mostly small, about 2 % influencers above 10 000. */
function audienceOf(platform: Platform, random: Random): number {
  if (random.chance(0.02))
    return Math.min(900_000, Math.round(10_000 / Math.pow(1 - random.next(), 1 / 1.3)));
  const median = platform === 'linkedin' ? 450 : platform === 'tiktok' ? 350 : 220;
  return Math.min(9_800, Math.round(random.logNormal(median, 1.0)));
}

function buildPool(platform: Platform, size: number, random: Random): AuthorPool {
  const pool: AuthorPool = {
    size,
    ids: new Array(size),
    names: new Array(size),
    firstNames: new Array(size),
    audience: new Int32Array(size),
    lang: new Uint8Array(size),
    mood: new Uint8Array(size),
  };
  for (let index = 0; index < size; index++) {
    const english = random.chance(0.28);
    const first = random.pick(english ? FIRST_EN : FIRST_FR);
    const last = random.pick(english ? LAST_EN : LAST_FR);
    pool.ids[index] = `${PLATFORM_CODE[platform]}_${(1_000_003 + index * 7919).toString(36)}`;
    pool.names[index] = HANDLE_PLATFORMS.has(platform)
      ? handleOf(first, last, random)
      : `${first} ${last}`;
    pool.firstNames[index] = first;
    pool.audience[index] = audienceOf(platform, random);
    pool.lang[index] = english ? LANG_EN : LANG_FR;
    // The regulars at the head of the pool are more often fans: they become the advocates.
    const fans = index < size * 0.03 ? 0.35 : 0.08;
    const mood = random.next();
    pool.mood[index] = mood < fans ? MOOD_FAN : mood < fans + 0.05 ? MOOD_CRITIC : MOOD_NORMAL;
  }
  return pool;
}

export function buildAuthors(scale: number, random: Random): Record<Platform, AuthorPool> {
  const total = Math.max(300, Math.round(4_500 * scale));
  return Object.fromEntries(
    PLATFORMS.map((platform) => [
      platform,
      buildPool(platform, Math.max(30, Math.round(total * PLATFORM_POPULATION[platform])), random),
    ]),
  ) as Record<Platform, AuthorPool>;
}

export const platformCode = (platform: Platform) => PLATFORM_CODE[platform];

/** A random friend handle for contest tags and "@someone look at this" comments. */
export function friendHandle(random: Random): string {
  return handleOf(random.pick(FIRST_FR), random.pick(LAST_FR), random);
}

export const SELLERS = [
  'Claire Dubois',
  'Julien Moreau',
  'Sophie Laurent',
  'Thomas Lefèvre',
  'Camille Girard',
  'Nicolas Bernard',
];

export function slugOf(name: string): string {
  return simplify(name).replace(/[^a-z0-9]+/g, '.');
}

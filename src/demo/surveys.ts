// nps_responses: about a hundred answers a month, NPS from about +25 two years ago to +40 now, a dip during the delivery incident.
import type { Cell } from '../store/index.ts';
import { officeTime } from './calendar.ts';
import type { Calendar } from './calendar.ts';
import type { Marketing } from './campaigns.ts';
import type { TextPools } from './phrases.ts';
import { cumulative, type Random } from './random.ts';

export const NPS_COLUMNS = [
  'response_id',
  'answered_at',
  'score',
  'comment',
  'channel',
  'import_id',
];

const CHANNELS = ['email', 'site', 'boutique'];
const CHANNEL_WEIGHTS = cumulative([70, 20, 10]);
const DETRACTOR_SCORES = cumulative([1, 1, 1, 2, 3, 6, 8]); // 0..6, mostly 5 and 6
const ANSWERS_PER_DAY = 100 / 30.4;

/** 0 promoter, 1 passive, 2 detractor: promoters grow over the two years, detractors jump with the incident. */
function classOf(random: Random, progress: number, incident: number): number {
  const promoters = 0.44 + 0.08 * progress - 0.2 * incident;
  const detractors = 0.2 - 0.04 * progress + 0.3 * incident;
  const draw = random.next();
  return draw < promoters ? 0 : draw < 1 - detractors ? 1 : 2;
}

function scoreOf(random: Random, group: number): number {
  if (group === 0) return random.chance(0.55) ? 10 : 9;
  if (group === 1) return random.chance(0.45) ? 8 : 7;
  return random.weighted(DETRACTOR_SCORES);
}

export function npsRows(
  calendar: Calendar,
  marketing: Marketing,
  texts: TextPools,
  random: Random,
): Cell[][] {
  const rows: Cell[][] = [];
  for (let day = 0; day < calendar.days; day++) {
    const answers = random.poisson(ANSWERS_PER_DAY);
    for (let index = 0; index < answers; index++) {
      const group = classOf(random, day / calendar.days, marketing.incident[day]);
      const lang = random.chance(0.9) ? 0 : 1;
      const comment = random.chance(0.4) ? random.pick(texts.nps[lang][group]) : null;
      const id = `nps-${String(rows.length + 1).padStart(6, '0')}`;
      rows.push([
        id,
        officeTime(calendar, day, random),
        scoreOf(random, group),
        comment,
        CHANNELS[random.weighted(CHANNEL_WEIGHTS)],
        'demo',
      ]);
    }
  }
  return rows;
}

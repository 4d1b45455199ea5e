// ssi: weekly LinkedIn Social Selling Index of the six sellers of the B2B team, slowly improving.
import type { Cell } from '../store/index.ts';
import type { Calendar } from './calendar.ts';
import { SELLERS, slugOf } from './people.ts';
import type { Random } from './random.ts';

export const SSI_COLUMNS = [
  'person_id',
  'person_name',
  'team',
  'day',
  'ssi',
  'brand',
  'people',
  'insights',
  'relationships',
  'connections',
  'followers',
  'inbound_requests',
  'import_id',
];
export const SSI_TEAM = 'Ventes B2B';

const round2 = (value: number) => Math.round(value * 100) / 100;

export function ssiRows(calendar: Calendar, random: Random): Cell[][] {
  const rows: Cell[][] = [];
  const mondays = calendar.dayNames.flatMap((name, day) =>
    calendar.weekday[day] === 0 ? [day] : [],
  );
  for (const seller of SELLERS) {
    const start = [0, 1, 2, 3].map(() => random.between(7, 17));
    const drift = [0, 1, 2, 3].map(() => random.between(0.01, 0.06));
    const pillars = [...start];
    let connections = Math.round(random.between(300, 2_500));
    let followers = Math.round(random.between(200, 3_000));
    mondays.forEach((day, week) => {
      // Mean-reverting noise around a rising line: weeks vary, the trend holds.
      for (let pillar = 0; pillar < 4; pillar++) {
        const line = start[pillar] + drift[pillar] * week;
        pillars[pillar] = Math.min(
          25,
          Math.max(0, pillars[pillar] + 0.35 * (line - pillars[pillar]) + 0.35 * random.normal()),
        );
      }
      const [brand, people, insights, relationships] = pillars.map(round2);
      connections += Math.round(random.between(2, 16));
      followers += Math.round(random.between(1, 22));
      rows.push([
        slugOf(seller),
        seller,
        SSI_TEAM,
        calendar.dayNames[day],
        round2(brand + people + insights + relationships),
        brand,
        people,
        insights,
        relationships,
        connections,
        followers,
        random.poisson(2.5),
        'demo',
      ]);
    });
  }
  return rows;
}

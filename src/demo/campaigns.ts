// The marketing calendar: seasonal campaigns, their paid budgets, and the delivery incident after Black Friday.
import { PLATFORMS, type Platform } from '../model/index.ts';
import { DAY, type Calendar } from './calendar.ts';

export type CampaignFamily =
  'soldes' | 'salon' | 'printemps' | 'fete-des-meres' | 'ete' | 'automne' | 'black-friday' | 'noel';

export interface Campaign {
  name: string;
  family: CampaignFamily;
  /** Day indexes in the calendar, both included (clipped to it). */
  first: number;
  last: number;
  platforms: Platform[];
  /** Daily paid budget in EUR at scale 1, per platform. */
  budget: Partial<Record<Platform, number>>;
  /** Share of the posts of the period tagged with the campaign. */
  tagged: number;
  contest: boolean;
}

export interface Marketing {
  campaigns: Campaign[];
  /** Per platform, per day: index of the running campaign or -1. */
  running: Record<Platform, Int16Array>;
  /** The weeks of the delivery incident (late parcels after Black Friday). */
  incidentFirst: number;
  incidentLast: number;
  /** Per day, how hard the incident hits: 0 normally, up to 1 at its worst. */
  incident: Float64Array;
}

const CONSUMER: Platform[] = ['facebook', 'instagram', 'tiktok', 'youtube', 'x'];

interface Plan {
  family: CampaignFamily;
  name: (year: number) => string;
  from: (year: number) => number;
  to: (year: number) => number;
  platforms: Platform[];
  budget: Partial<Record<Platform, number>>;
  tagged: number;
  contest?: boolean;
}

const utc = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day);
/** The Friday after the fourth Thursday of November. */
const blackFriday = (year: number) => {
  const first = new Date(utc(year, 11, 1)).getUTCDay();
  return utc(year, 11, 1 + ((4 - first + 7) % 7) + 21 + 1);
};
const lastSundayOfMay = (year: number) => {
  const last = new Date(utc(year, 5, 31));
  return last.getTime() - last.getUTCDay() * DAY;
};
const secondWednesdayOfJanuary = (year: number) => {
  const first = new Date(utc(year, 1, 1)).getUTCDay();
  return utc(year, 1, 1 + ((3 - first + 7) % 7) + 7);
};

const PLANS: Plan[] = [
  {
    family: 'soldes',
    name: (y) => `soldes-hiver-${y}`,
    from: secondWednesdayOfJanuary,
    to: (y) => secondWednesdayOfJanuary(y) + 27 * DAY,
    platforms: ['facebook', 'instagram', 'tiktok', 'x'],
    budget: { facebook: 160, instagram: 210, tiktok: 90 },
    tagged: 0.55,
  },
  {
    family: 'salon',
    name: (y) => `maison-objet-${y}-01`,
    from: (y) => utc(y, 1, 12),
    to: (y) => utc(y, 1, 24),
    platforms: ['linkedin'],
    budget: { linkedin: 110 },
    tagged: 0.7,
  },
  {
    family: 'printemps',
    name: (y) => `printemps-${y}`,
    from: (y) => utc(y, 3, 14),
    to: (y) => utc(y, 4, 30),
    platforms: CONSUMER,
    budget: { facebook: 140, instagram: 240, tiktok: 120, youtube: 70 },
    tagged: 0.6,
    contest: true,
  },
  {
    family: 'fete-des-meres',
    name: (y) => `fete-des-meres-${y}`,
    from: (y) => lastSundayOfMay(y) - 16 * DAY,
    to: lastSundayOfMay,
    platforms: ['facebook', 'instagram'],
    budget: { facebook: 90, instagram: 150 },
    tagged: 0.65,
    contest: true,
  },
  {
    family: 'ete',
    name: (y) => `soldes-ete-${y}`,
    from: (y) => utc(y, 6, 25),
    to: (y) => utc(y, 7, 21),
    platforms: ['facebook', 'instagram', 'x'],
    budget: { facebook: 110, instagram: 150 },
    tagged: 0.5,
  },
  {
    family: 'salon',
    name: (y) => `maison-objet-${y}-09`,
    from: (y) => utc(y, 9, 1),
    to: (y) => utc(y, 9, 12),
    platforms: ['linkedin'],
    budget: { linkedin: 110 },
    tagged: 0.7,
  },
  {
    family: 'automne',
    name: (y) => `collection-automne-${y}`,
    from: (y) => utc(y, 9, 15),
    to: (y) => utc(y, 10, 15),
    platforms: CONSUMER,
    budget: { instagram: 180, facebook: 100, tiktok: 90 },
    tagged: 0.5,
  },
  {
    family: 'black-friday',
    name: (y) => `black-friday-${y}`,
    from: (y) => blackFriday(y) - 7 * DAY,
    to: (y) => blackFriday(y) + 3 * DAY,
    platforms: CONSUMER,
    budget: { facebook: 330, instagram: 420, tiktok: 220, youtube: 120 },
    tagged: 0.75,
  },
  {
    family: 'noel',
    name: (y) => `noel-${y}`,
    from: (y) => blackFriday(y) + 4 * DAY,
    to: (y) => utc(y, 12, 24),
    platforms: CONSUMER,
    budget: { facebook: 220, instagram: 300, tiktok: 150, youtube: 140 },
    tagged: 0.65,
    contest: true,
  },
];

function planCampaigns(calendar: Calendar): Campaign[] {
  const start = calendar.dayStart[0];
  const firstYear = new Date(start).getUTCFullYear();
  const lastYear = new Date(calendar.dayStart[calendar.days - 1]).getUTCFullYear();
  const campaigns: Campaign[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const plan of PLANS) {
      const first = Math.max(0, Math.round((plan.from(year) - start) / DAY));
      const last = Math.min(calendar.days - 1, Math.round((plan.to(year) - start) / DAY));
      if (first > last) continue;
      campaigns.push({
        name: plan.name(year),
        family: plan.family,
        first,
        last,
        platforms: plan.platforms,
        budget: plan.budget,
        tagged: plan.tagged,
        contest: plan.contest ?? false,
      });
    }
  }
  return campaigns;
}

/** The incident starts three days after the latest Black Friday that ended at least a month ago. */
function incidentStart(calendar: Calendar): number {
  const start = calendar.dayStart[0];
  for (let year = new Date(calendar.endMs).getUTCFullYear(); ; year--) {
    const day = Math.round((blackFriday(year) + 3 * DAY - start) / DAY);
    if (day + 30 < calendar.days) return Math.max(0, day);
  }
}

export function planMarketing(calendar: Calendar): Marketing {
  const campaigns = planCampaigns(calendar);
  const running = Object.fromEntries(
    PLATFORMS.map((platform) => [platform, new Int16Array(calendar.days).fill(-1)]),
  ) as Record<Platform, Int16Array>;
  campaigns.forEach((campaign, index) => {
    for (const platform of campaign.platforms)
      running[platform].fill(index, campaign.first, campaign.last + 1);
  });
  const incidentFirst = incidentStart(calendar);
  const incidentLast = Math.min(calendar.days - 1, incidentFirst + 20);
  const incident = new Float64Array(calendar.days);
  for (let day = incidentFirst; day <= incidentLast; day++) {
    // Rises over four days, holds, then fades as parcels arrive.
    const age = day - incidentFirst;
    incident[day] = Math.min(1, (age + 1) / 4, (incidentLast - day + 1) / 6);
  }
  return { campaigns, running, incidentFirst, incidentLast, incident };
}

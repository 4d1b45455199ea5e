// The API's shared shapes, as zod schemas: they validate requests and responses and become the OpenAPI document.
import { z } from 'zod';
import {
  BREAKDOWNS,
  COMPARISONS,
  FILTER_DIMENSIONS,
  parseDay,
  type Breakdown,
  type Comparison,
  type Filters,
} from '../model/index.ts';
import { SECTIONS } from '../metrics/index.ts';

export const isoDay = z
  .string()
  .refine((value) => parseDay(value) !== null, 'expected a date as YYYY-MM-DD')
  .meta({ format: 'date', example: '2026-01-31' });

/** A comma-separated list in a query string: "a,b" → ["a", "b"]. */
export const list = (description: string) =>
  z
    .string()
    .max(4000)
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .meta({ description: `${description} (comma-separated)` });

export const filterQuery = {
  platform: list('only these platforms'),
  account: list('only these account ids'),
  campaign: list('only these campaigns'),
  content_type: list('only these content types'),
};

export function filtersOf(query: Record<(typeof FILTER_DIMENSIONS)[number], string[]>): Filters {
  const filters: Filters = {};
  for (const dimension of FILTER_DIMENSIONS)
    if (query[dimension].length) filters[dimension] = query[dimension];
  return filters;
}

export const periodQuery = {
  from: isoDay.meta({ description: 'first day of the period, YYYY-MM-DD' }),
  to: isoDay.meta({ description: 'last day of the period, YYYY-MM-DD' }),
};

export const formatQuery = z
  .enum(['json', 'csv'])
  .default('json')
  .meta({ description: 'csv answers the same table as a spreadsheet download' });

export const breakdownList = list(`breakdowns: ${BREAKDOWNS.join(', ')}`).refine(
  (items) => items.every((item) => BREAKDOWNS.includes(item as Breakdown)),
  `expected ${BREAKDOWNS.join(', ')}`,
);

export const comparisonSpanQuery = z.enum(['to_date', 'full']).default('to_date').meta({
  description:
    'a period running past today is evaluated to date; to_date compares it with the same elapsed days of the earlier periods, full with the whole earlier periods',
});

export const comparisonList = list('comparisons: previous, yoy').refine(
  (items) => items.every((item) => COMPARISONS.includes(item as Comparison)),
  'expected previous, yoy',
);

// ------------------------------------------------------------------ responses

const nullableNumber = z.number().nullable();
export const period = z.object({ from: z.string(), to: z.string() });
export const filters = z
  .object({
    platform: z.array(z.string()).optional(),
    account: z.array(z.string()).optional(),
    campaign: z.array(z.string()).optional(),
    content_type: z.array(z.string()).optional(),
  })
  .meta({ description: 'each listed dimension keeps the rows whose value is one of the list' });

export const comparisonValue = z.object({
  value: nullableNumber.meta({ description: 'the value in the compared period' }),
  delta: nullableNumber.meta({ description: 'value now − value then' }),
  change: nullableNumber.meta({ description: 'delta ÷ |value then|' }),
  good: z
    .boolean()
    .nullable()
    .meta({ description: 'whether the move is the good way for this KPI' }),
});

export const evaluatedPeriod = period.extend({
  toDate: z.boolean().meta({
    description: 'true when the requested period runs past today: `to` is then today',
  }),
  requested: period.meta({ description: 'the period as requested' }),
});

export const kpiRow = z.object({
  key: z.record(z.string(), z.string().nullable()),
  running: z
    .literal(true)
    .optional()
    .meta({ description: 'a time bucket still running today: its value is to date' }),
  base: z
    .object({
      value: nullableNumber,
      noun: z.string(),
      minimum: z.number(),
      low: z.boolean(),
    })
    .optional()
    .meta({
      description:
        'what a ratio is computed over (answers, comments, impressions…); low under the minimum, when changes are not coloured',
    }),
  margin: z
    .number()
    .optional()
    .meta({ description: 'NPS margin of error at 95 %, in points (± around the value)' }),
  caveat: z
    .enum(['no_competitor'])
    .optional()
    .meta({ description: 'why the value is null although there is data' }),
  value: nullableNumber,
  inputs: z
    .record(z.string(), nullableNumber)
    .meta({ description: 'the raw measures behind the value' }),
  previous: comparisonValue.optional(),
  yoy: comparisonValue.optional(),
});

export const kpiResponse = z.object({
  period: evaluatedPeriod,
  comparisons: z.object({ previous: period.optional(), yoy: period.optional() }),
  comparisonSpan: z.enum(['to_date', 'full']),
  breakdown: z.array(z.string()),
  results: z.array(
    z.object({
      id: z.string(),
      rows: z.array(kpiRow),
      ignoredFilters: z.array(z.string()),
      ignoredBreakdowns: z.array(z.string()),
    }),
  ),
});

const bilingual = z.object({ en: z.string(), fr: z.string() });
export const unit = z.enum(['count', 'ratio', 'score', 'seconds', 'currency', 'index']);
export const better = z.enum(['higher', 'lower']);

export const catalogEntry = z.object({
  id: z.string(),
  name: bilingual,
  explanation: bilingual.meta({ description: 'the formula and its convention, in words' }),
  unit,
  better,
  family: z.string(),
  stage: z.string().nullable(),
  additive: z.boolean(),
  breakdowns: z.array(z.string()),
  rankable: z.boolean().meta({ description: 'whether top and bottom lists can rank by it' }),
  measures: z.array(z.string()),
  base: z.object({ noun: z.string(), minimum: z.number() }).nullable().meta({
    description: 'what a ratio is computed over, and the base under which it is low-base',
  }),
  sections: z
    .array(z.enum(SECTIONS))
    .meta({ description: 'the drill-down sections that apply to this KPI' }),
});

const objectiveNames = z
  .object({ en: z.string().max(200).optional(), fr: z.string().max(200).optional() })
  .meta({ description: 'the name in each reader’s language; `name` is shown when absent' });

export const objective = z.object({
  id: z.string(),
  name: z.string(),
  names: objectiveNames.optional(),
  kpi: z.string(),
  target: z.number(),
  period,
  direction: z.enum(['increase', 'decrease']),
  filters,
  baseline: nullableNumber,
});

export const objectiveInput = z
  .object({
    id: z.string().max(64).optional(),
    name: z.string().max(200),
    names: objectiveNames.optional(),
    kpi: z.string().max(64),
    target: z.number(),
    period: z.object({ from: z.string(), to: z.string() }),
    direction: z.enum(['increase', 'decrease']).optional(),
    filters: filters.optional(),
    baseline: z.number().nullable().optional(),
  })
  .meta({ description: 'validated in full by the objectives module (fields named in errors)' });

export const scorecardEntry = z.object({
  objective,
  kpi: z.object({ id: z.string(), name: bilingual, unit, better }),
  value: nullableNumber,
  progress: nullableNumber,
  expected_progress: nullableNumber.optional(),
  projected: nullableNumber,
  projected_progress: nullableNumber,
  status: z.enum(['on_track', 'at_risk', 'off_track', 'no_data']),
  previous: comparisonValue.optional(),
  yoy: comparisonValue.optional(),
  elapsed: z.number(),
  sparkline: z.array(
    z.object({ day: z.string(), value: nullableNumber, running: z.literal(true).optional() }),
  ),
  measured: z
    .object({ period, filters })
    .nullable()
    .meta({ description: 'what the value was computed over; null before the objective starts' }),
  inputs: z
    .record(z.string(), nullableNumber)
    .meta({ description: 'the raw measures behind the value' }),
  base: kpiRow.shape.base,
  margin: kpiRow.shape.margin,
  whole: z.object({ period, target: z.number() }).optional().meta({
    description:
      'with a chosen period: the whole objective; `objective` is then its part in that period',
  }),
});

export const scorecard = z.object({
  today: z.string().meta({ description: 'the day the scorecard is measured at' }),
  entries: z.array(scorecardEntry),
  return_on_objectives: nullableNumber.meta({
    description: 'mean of min(progress, 1.5) over the objectives',
  }),
});

export const paged = <T extends z.ZodType>(row: T) =>
  z.object({ total: z.number(), limit: z.number(), offset: z.number(), rows: z.array(row) });

export const role = z.enum(['admin', 'analyst', 'viewer']);
export const errorBody = z.object({
  error: z.string(),
  location: z.record(z.string(), z.unknown()).optional().meta({
    description:
      'where the problem is (file, line, column, value, expected); a refusal a client may word in its own language also has `code` (future-period, objective-exists, objective-missing, invalid-parameter, invalid-field, or an import refusal) and `params`',
  }),
  details: z.array(z.unknown()).optional(),
});

// ------------------------------------------------------------------ rows behind the numbers

const n = z.number().nullable();
export const post = z.object({
  post_id: z.string(),
  account_id: z.string(),
  platform: z.string(),
  published_at: z.string(),
  content_type: z.string(),
  campaign: z.string().nullable(),
  text: z.string().nullable(),
  permalink: z.string().nullable(),
  impressions: n,
  reach: n,
  reactions: n,
  comments: n,
  shares: n,
  saves: n,
  link_clicks: n,
  video_views: n,
});

export const interaction = z.object({
  interaction_id: z.string(),
  platform: z.string(),
  account_id: z.string(),
  post_id: z.string().nullable(),
  permalink: z.string().nullable().meta({ description: 'the original post, when under one' }),
  kind: z.string(),
  author_name: z.string().nullable(),
  author_audience: n,
  created_at: z.string(),
  text: z.string().nullable(),
  lang: z.string().nullable(),
  sentiment: z.string().nullable(),
  sentiment_score: n,
  sentiment_source: z.string().nullable().meta({
    description: 'who set the sentiment: model, import (the file) or user (a correction)',
  }),
  recommends: z
    .string()
    .nullable()
    .meta({ description: 'promoter or detractor when the text recommends or discourages' }),
  sentiment_probability: n.meta({
    description: 'the model’s probability of its label (0–1); null when a file or a person set it',
  }),
  sentiment_uncertain: z.boolean().meta({
    description: 'true when that probability is below the model’s uncertainty threshold',
  }),
  is_brand: z.boolean(),
  reply_to: z.string().nullable(),
});

export const advocate = z.object({
  author_id: z.string(),
  author_name: z.string().nullable(),
  audience: n,
  platforms: z.string(),
  support: z.number().meta({ description: 'positive interactions + shares' }),
  positive: z.number(),
  shares: z.number(),
  negative: z.number(),
  interactions: z.number(),
  last_seen: z.string(),
});
export const influencer = z.object({
  author_id: z.string(),
  author_name: z.string().nullable(),
  audience: z.number(),
  platform: z.string().nullable(),
  first_mention_at: z.string(),
  first_text: z.string().nullable(),
  mentions: z.number(),
});

export const dimensions = z.object({
  first_day: z.string().nullable(),
  last_day: z.string().nullable(),
  currency: z.string(),
  platforms: z.array(z.string()),
  accounts: z.array(
    z.object({
      id: z.string(),
      platform: z.string(),
      handle: z.string(),
      name: z.string().nullable(),
      is_competitor: z.boolean(),
    }),
  ),
  campaigns: z.array(z.string()),
  content_types: z.array(z.string()),
});

const funnelValue = z.object({
  id: z.string(),
  value: n,
  inputs: z.record(z.string(), n),
  previous: comparisonValue.optional(),
  yoy: comparisonValue.optional(),
});

export const slowThread = z.object({
  interaction_id: z.string(),
  platform: z.string(),
  account_id: z.string(),
  post_id: z.string().nullable(),
  permalink: z.string().nullable(),
  kind: z.string(),
  author_name: z.string().nullable(),
  text: z.string().nullable(),
  created_at: z.string(),
  first_reply_at: z.string(),
  reply_seconds: z.number().meta({ description: 'elapsed seconds to the brand’s first reply' }),
  business_reply_seconds: z.number().nullable(),
});

const ssiPillar = z.object({
  value: n,
  change: n.meta({ description: 'against the seller’s latest snapshot in the comparison period' }),
});
export const ssiSeller = z.object({
  person_id: z.string(),
  person_name: z.string().nullable(),
  team: z.string().nullable(),
  day: z.string().meta({ description: 'the latest snapshot in the period' }),
  pillars: z.object({
    ssi: ssiPillar,
    brand: ssiPillar,
    people: ssiPillar,
    insights: ssiPillar,
    relationships: ssiPillar,
  }),
});

export const voiceShare = z.object({
  competitor: z
    .string()
    .nullable()
    .meta({ description: 'the competitor’s name, all its accounts together; null for the brand' }),
  mentions: z.number(),
  share: n,
});

export const funnel = z.object({
  period: evaluatedPeriod,
  comparisons: z.object({ previous: period.optional(), yoy: period.optional() }),
  comparisonSpan: z.enum(['to_date', 'full']),
  steps: z.array(
    z.object({
      stage: z.string(),
      kpi: z.string().meta({ description: 'the stage headline KPI' }),
      value: n,
      fromPrevious: n.meta({
        description: 'value ÷ the previous stage headline; null on the first',
      }),
      ofFirst: n.meta({ description: 'value ÷ the first stage headline; null on the first' }),
    }),
  ),
  stages: z.array(
    z.object({
      stage: z.string(),
      headline: z.string(),
      bridges: z.array(funnelValue),
      kpis: z.array(funnelValue),
    }),
  ),
});

export const importSummary = z.object({
  importId: z.string(),
  file: z.string(),
  format: z.string(),
  table: z.string(),
  rows: z.number(),
  replaced: z.number(),
  label: z.string().optional().meta({ description: 'the platform export recognised' }),
  tables: z
    .record(z.string(), z.number())
    .optional()
    .meta({ description: 'rows written per table, for exports that fill several' }),
  extras: z
    .number()
    .optional()
    .meta({ description: 'rows of platform metrics kept in extra_metrics' }),
  reconciliation: z
    .array(
      z.object({
        table: z.string(),
        metric: z.string(),
        file: z.number(),
        stored: z.number(),
        repeated: z.number().optional(),
      }),
    )
    .optional()
    .meta({
      description:
        'each mapped metric’s total in the file beside what the store holds from this import (repeated: the part in rows a repeat rule left out)',
    }),
  skipped: z
    .array(
      z.object({
        code: z.enum(['x-placeholder', 'repeat-latest', 'repeat-identical']),
        rows: z.number(),
        text: z.string(),
      }),
    )
    .optional()
    .meta({
      description:
        'rows left out by a documented rule (placeholder rows, repeated rows), each rule by its code; text is the English wording',
    }),
  notes: z
    .array(
      z.object({
        code: z.enum(['yearless-dates', 'sections-skipped']),
        params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
        text: z.string(),
      }),
    )
    .optional()
    .meta({
      description:
        'what Cadran chose where the file was silent (the year of dates without one, the tables of a file it did not read), by code with its parameters',
    }),
});

const fileLocation = z.object({
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
  expected: z.string().optional(),
  code: z.string().optional().meta({
    description: 'the refusal as a code (unknown-format, no-period, bad-values…), with params',
  }),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const importJob = z.object({
  jobId: z.string(),
  file: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  rows: z.number().meta({ description: 'rows read so far' }),
  bytes: z.number().meta({ description: 'bytes of the file read so far' }),
  totalBytes: z.number(),
  landing: z.boolean().meta({ description: 'the rows are read and being checked and written' }),
  summary: importSummary.optional(),
  error: z
    .object({ error: z.string(), location: fileLocation, details: z.array(fileLocation) })
    .optional(),
});

export const undoSummary = z.object({
  importId: z.string(),
  file: z.string(),
  deleted: z.number(),
  restored: z.number(),
});

export const importRecord = z.object({
  import_id: z.string(),
  imported_at: z.string(),
  file_name: z.string(),
  format: z.string(),
  table_name: z.string(),
  rows: z.number(),
  replaced: z.number(),
});

// ------------------------------------------------------------------ people

export const me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role,
});

export const authState = z.object({
  setup_required: z.boolean().meta({ description: 'true until the first admin exists' }),
  user: me.nullable(),
  today: z.string().meta({ description: "the server's today (UTC), the default end of periods" }),
});

// Objectives at the edge: validation of one objective (zod), YAML files of them, and the objectives table.
// Every problem names the field (and, for files, the file, the item and its line) so a person can fix it.
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import {
  CONTENT_TYPES,
  DIRECTIONS,
  formatDay,
  InputError,
  parseDay,
  PLATFORMS,
  type Filters,
  type Objective,
  type ObjectiveNames,
} from '../model/index.ts';
import type { SqlValue, Store, Transaction } from '../store/index.ts';
import { kpiById } from './catalog/index.ts';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const FIELDS = [
  'id',
  'name',
  'names',
  'kpi',
  'target',
  'period',
  'direction',
  'filters',
  'baseline',
];

/** What is wrong with one field of one objective. */
export interface Problem {
  field: string;
  message: string;
  value?: unknown;
}

/** "is required" when the field is missing, else "expected …". */
const expecting = (expected: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? 'is required' : `expected ${expected}`,
});

const day = z.preprocess(
  (value) => (value instanceof Date ? formatDay(value) : value),
  z
    .string(expecting('a date as YYYY-MM-DD'))
    .refine((value) => parseDay(value) !== null, { error: 'expected a real date as YYYY-MM-DD' }),
);

/** A list of values; a single value is taken as a list of one (handy in YAML). */
function values(allowed?: readonly string[]) {
  const item = allowed
    ? z.string({ error: 'expected text' }).refine((value) => allowed.includes(value), {
        error: `expected one of ${allowed?.join(', ')}`,
      })
    : z.string({ error: 'expected text' }).trim().min(1, { error: 'expected non-empty text' });
  return z
    .preprocess(
      (value) => (typeof value === 'string' ? [value] : value),
      z.array(item, { error: 'expected a list of text values' }),
    )
    .optional();
}

const filtersSchema = z.strictObject(
  {
    platform: values(PLATFORMS),
    account: values(),
    campaign: values(),
    content_type: values(CONTENT_TYPES),
  },
  { error: 'expected an object of platform, account, campaign or content_type lists' },
);

const nameText = z
  .string(expecting('text'))
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'at most 200 characters' });

const objectiveSchema = z.strictObject(
  {
    id: z
      .string({ error: 'expected text' })
      .regex(ID_PATTERN, {
        error:
          'expected letters, digits, ".", "_" or "-" (at most 100, starting with a letter or digit)',
      })
      .optional(),
    name: z
      .string(expecting('text'))
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(200, { error: 'at most 200 characters' }),
    names: z
      .strictObject(
        { en: nameText.optional(), fr: nameText.optional() },
        { error: 'expected an object of en and fr names' },
      )
      .optional(),
    kpi: z.string(expecting('a KPI id')).superRefine((id, context) => {
      if (!kpiById(id))
        context.addIssue({
          code: 'custom',
          message: `unknown KPI "${id}" (see \`cadran kpis\` for the list)`,
        });
    }),
    target: z.number(expecting('a number')),
    period: z.strictObject({ from: day, to: day }, expecting('a period with from and to dates')),
    direction: z.enum(DIRECTIONS, { error: 'expected increase or decrease' }).optional(),
    filters: filtersSchema.optional(),
    baseline: z.number({ error: 'expected a number' }).optional(),
  },
  { error: 'expected an objective: an object with name, kpi, target and period' },
);

/** Null fields count as absent; top-level `from`/`to` are accepted for `period: {from, to}`. */
function normalise(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const copy: Record<string, unknown> = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  );
  if (copy.period === undefined && (copy.from !== undefined || copy.to !== undefined)) {
    copy.period = { from: copy.from, to: copy.to };
    delete copy.from;
    delete copy.to;
  }
  return copy;
}

/** Lowercase ASCII slug of a name: "Réputation : NPS 45" → "reputation-nps-45". */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'objective';
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path)
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined;
  return value;
}

function canonicalFilters(filters: Partial<Record<keyof Filters, string[]>> | undefined): Filters {
  const result: Filters = {};
  for (const [dimension, list] of Object.entries(filters ?? {}) as [
    keyof Filters,
    string[] | undefined,
  ][]) {
    if (list?.length) result[dimension] = [...new Set(list)].sort();
  }
  return result;
}

function namesOf(names: { en?: string; fr?: string }): ObjectiveNames {
  return { ...(names.en ? { en: names.en } : {}), ...(names.fr ? { fr: names.fr } : {}) };
}

/** Validates one objective; returns it with its defaults filled in, or every problem found. */
export function validateObjective(
  input: unknown,
): { objective: Objective; problems: [] } | { objective: null; problems: Problem[] } {
  const normalised = normalise(input);
  const parsed = objectiveSchema.safeParse(normalised);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue): Problem[] => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          field: [...issue.path, key].join('.'),
          message: `unknown field (expected ${issue.path.length ? 'platform, account, campaign or content_type' : FIELDS.join(', ')})`,
        }));
      }
      return [
        {
          field: issue.path.map(String).join('.') || 'objective',
          message: issue.message,
          value: valueAt(normalised, issue.path),
        },
      ];
    });
    return { objective: null, problems };
  }
  const data = parsed.data;
  const kpi = kpiById(data.kpi)!;
  const problems: Problem[] = [];
  if (data.period.from > data.period.to) {
    problems.push({
      field: 'period.to',
      message: `the period ends before it starts (${data.period.from})`,
      value: data.period.to,
    });
  }
  if (data.baseline === undefined && data.target <= 0) {
    problems.push({
      field: 'target',
      message:
        'without a baseline the target must be above 0 (progress is value ÷ target); give a baseline to aim at 0 or below',
      value: data.target,
    });
  }
  if (data.baseline !== undefined && data.baseline === data.target) {
    problems.push({
      field: 'baseline',
      message: 'the baseline equals the target, so there is no way to progress',
      value: data.baseline,
    });
  }
  if (problems.length) return { objective: null, problems };
  return {
    objective: {
      id: data.id ?? slugOf(data.name),
      name: data.name,
      ...(data.names?.en || data.names?.fr ? { names: namesOf(data.names) } : {}),
      kpi: kpi.id,
      target: data.target,
      period: { from: data.period.from, to: data.period.to },
      direction: data.direction ?? (kpi.better === 'higher' ? 'increase' : 'decrease'),
      filters: canonicalFilters(data.filters),
      baseline: data.baseline ?? null,
    },
    problems: [],
  };
}

export function describeProblem(problem: Problem): string {
  const shown = problem.value === undefined ? '' : JSON.stringify(problem.value);
  const got =
    problem.message.startsWith('expected') && shown
      ? ` (got ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown})`
      : '';
  return `field "${problem.field}": ${problem.message}${got}`;
}

function errorOf(problems: { text: string; error: InputError }[]): InputError {
  const [first] = problems;
  const more =
    problems.length > 1
      ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
      : '';
  return new InputError(
    `${first.text}${more}`,
    first.error.location,
    problems.map((problem) => problem.error),
  );
}

/** Validates one objective (from the CLI, the API or a file), throwing an InputError that names the field. */
export function parseObjective(input: unknown, where = 'objective'): Objective {
  const { objective, problems } = validateObjective(input);
  if (objective) return objective;
  throw errorOf(
    problems.map((problem) => {
      const text = `${where}: ${describeProblem(problem)}`;
      return {
        text,
        error: new InputError(text, {
          column: problem.field,
          value: problem.value === undefined ? undefined : String(problem.value),
        }),
      };
    }),
  );
}

/**
 * Reads a YAML list of objectives (or `objectives: [...]`) and validates every item before anything is written.
 * Items are numbered from 1 as a person counts them; the line is the field's when it can be found, else the item's.
 */
export function parseObjectivesYaml(text: string, file: string): Objective[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: unknown) => {
    const range = (node as Node | null | undefined)?.range;
    return range ? lines.linePos(range[0]).line : undefined;
  };
  if (document.errors.length) {
    const error = document.errors[0];
    const line = lines.linePos(error.pos[0]).line;
    throw new InputError(`${file}, line ${line}: not valid YAML: ${error.message.split('\n')[0]}`, {
      file,
      line,
    });
  }
  let list: unknown = document.contents;
  if (isMap(list) && list.has('objectives')) list = list.get('objectives', true);
  if (!isSeq(list)) {
    throw new InputError(
      `${file}: expected a list of objectives, or "objectives:" followed by a list`,
      { file, expected: 'a YAML list of objectives' },
    );
  }
  const problems: { text: string; error: InputError }[] = [];
  const objectives: Objective[] = [];
  const seen = new Map<string, number>();
  list.items.forEach((node, index) => {
    const item = `${file}, item ${index + 1}`;
    const result = validateObjective((node as Node | null)?.toJSON() ?? null);
    const found: Problem[] = [...result.problems];
    if (result.objective) {
      const earlier = seen.get(result.objective.id);
      if (earlier !== undefined) {
        found.push({
          field: 'id',
          value: result.objective.id,
          message: `"${result.objective.id}" is already used by item ${earlier}; give each objective its own id`,
        });
      } else {
        seen.set(result.objective.id, index + 1);
        objectives.push(result.objective);
      }
    }
    for (const problem of found) {
      const fieldNode = isMap(node) ? node.getIn(problem.field.split('.'), true) : undefined;
      const line = lineOf(fieldNode) ?? lineOf(node);
      const text = `${item}${line === undefined ? '' : ` (line ${line})`}: ${describeProblem(problem)}`;
      problems.push({
        text,
        error: new InputError(text, {
          file,
          line,
          column: problem.field,
          value: problem.value === undefined ? undefined : String(problem.value),
        }),
      });
    }
  });
  if (problems.length) {
    const error = errorOf(problems);
    throw new InputError(`${error.message}; nothing was written`, error.location, error.details);
  }
  return objectives;
}

// ---------------------------------------------------------------- storage

// Both stores give dates back as 'YYYY-MM-DD' text; a cast to text would differ between engines.
export const SELECT = `SELECT objective_id, name, name_en, name_fr, kpi, target, period_from,
  period_to, direction, filters, baseline FROM objectives`;

export function objectiveOf(row: Record<string, unknown>): Objective {
  let filters: Filters;
  try {
    filters = row.filters ? (JSON.parse(String(row.filters)) as Filters) : {};
  } catch {
    filters = {};
  }
  return {
    id: String(row.objective_id),
    name: String(row.name),
    ...(row.name_en || row.name_fr
      ? {
          names: namesOf({
            en: (row.name_en as string | null) ?? undefined,
            fr: (row.name_fr as string | null) ?? undefined,
          }),
        }
      : {}),
    kpi: String(row.kpi),
    target: Number(row.target),
    period: { from: String(row.period_from), to: String(row.period_to) },
    direction: row.direction === 'decrease' ? 'decrease' : 'increase',
    filters,
    baseline: row.baseline === null || row.baseline === undefined ? null : Number(row.baseline),
  };
}

function placeholders(store: Store, count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, index) => store.dialect.placeholder(offset + index + 1));
}

export async function findObjective(
  store: Store,
  tx: Transaction,
  id: string,
): Promise<Objective | null> {
  const [row] = await tx.all(`${SELECT} WHERE objective_id = ${store.dialect.placeholder(1)}`, [
    id,
  ]);
  return row ? objectiveOf(row) : null;
}

export async function removeObjective(store: Store, tx: Transaction, id: string): Promise<void> {
  await tx.run(`DELETE FROM objectives WHERE objective_id = ${store.dialect.placeholder(1)}`, [id]);
}

export async function insertObjective(
  store: Store,
  tx: Transaction,
  objective: Objective,
): Promise<void> {
  const [id, name, nameEn, nameFr, kpi, target, from, to, direction, filters, baseline] =
    placeholders(store, 11);
  const params: SqlValue[] = [
    objective.id,
    objective.name,
    objective.names?.en ?? null,
    objective.names?.fr ?? null,
    objective.kpi,
    objective.target,
    objective.period.from,
    objective.period.to,
    objective.direction,
    JSON.stringify(objective.filters),
    objective.baseline,
  ];
  await tx.run(
    `INSERT INTO objectives (objective_id, name, name_en, name_fr, kpi, target, period_from, period_to, direction, filters, baseline)
     VALUES (${id}, ${name}, ${nameEn}, ${nameFr}, ${kpi}, ${target}, CAST(${from} AS DATE), CAST(${to} AS DATE), ${direction}, ${filters}, ${baseline})`,
    params,
  );
}

/** Validates the whole file first, then creates or replaces every objective in one transaction. */
export async function loadObjectivesYaml(
  store: Store,
  text: string,
  file: string,
): Promise<{ created: number; updated: number }> {
  const objectives = parseObjectivesYaml(text, file);
  return store.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const objective of objectives) {
      if (await findObjective(store, tx, objective.id)) {
        updated++;
        await removeObjective(store, tx, objective.id);
      } else {
        created++;
      }
      await insertObjective(store, tx, objective);
    }
    return { created, updated };
  });
}

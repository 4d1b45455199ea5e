// The API's shapes, taken from the server's own schemas (types only: nothing of the server is bundled).
import type { z } from 'zod';
import type * as Schemas from '../../../src/server/schemas.ts';

export type CatalogEntry = z.output<typeof Schemas.catalogEntry>;
export type Unit = CatalogEntry['unit'];
export type KpiResponse = z.output<typeof Schemas.kpiResponse>;
export type KpiRow = z.output<typeof Schemas.kpiRow>;
export type ComparisonValue = z.output<typeof Schemas.comparisonValue>;
export type Scorecard = z.output<typeof Schemas.scorecard>;
export type ScorecardEntry = Scorecard['entries'][number];
export type Objective = z.output<typeof Schemas.objective>;
export type ObjectiveInput = z.input<typeof Schemas.objectiveInput>;
export type Filters = z.output<typeof Schemas.filters>;
export type Post = z.output<typeof Schemas.post>;
export type Interaction = z.output<typeof Schemas.interaction>;
export type Advocate = z.output<typeof Schemas.advocate>;
export type NewInfluencer = z.output<typeof Schemas.influencer>;
export type Dimensions = z.output<typeof Schemas.dimensions>;
export type Funnel = z.output<typeof Schemas.funnel>;
export type ImportSummary = z.output<typeof Schemas.importSummary>;
export type ImportJob = z.output<typeof Schemas.importJob>;
export type ImportRecord = z.output<typeof Schemas.importRecord>;
export type Me = z.output<typeof Schemas.me>;
export type AuthState = z.output<typeof Schemas.authState>;
export type Role = Me['role'];
export interface Paged<T> {
  total: number;
  limit: number;
  offset: number;
  rows: T[];
}

/** Where a sentiment label comes from: Cadran's model, the imported file, or a person's correction. */
export type SentimentSource = 'model' | 'import' | 'user';
export type SentimentLabel = 'positive' | 'neutral' | 'negative';
/** PUT/DELETE /api/interactions/:id/sentiment answer the interaction's label after the change. */
export interface SentimentCorrection {
  interaction_id: string;
  sentiment: SentimentLabel | null;
  sentiment_source: SentimentSource | null;
}
/** Where in an uploaded file the server found a problem (the `location` of an error body). */
export interface ProblemLocation {
  file?: string;
  line?: number;
  column?: string;
  value?: string;
  expected?: string;
  /** The refusal as a code with its values (see src/model/errors.ts RefusalCode). */
  code?: string;
  params?: Record<string, string | number>;
}
export type SlowThread = z.output<typeof Schemas.slowThread>;
export type SsiSeller = z.output<typeof Schemas.ssiSeller>;
export type VoiceShare = z.output<typeof Schemas.voiceShare>;

// What every generator of the demo shares: the calendar, the marketing plan, the people, the texts and the writers.
import type { Platform } from '../model/index.ts';
import type { Calendar } from './calendar.ts';
import type { Marketing } from './campaigns.ts';
import type { Followers } from './followers.ts';
import type { AuthorPool } from './people.ts';
import type { TextPools } from './phrases.ts';
import type { Random } from './random.ts';
import type { TableWriter } from './writer.ts';

export interface DemoContext {
  calendar: Calendar;
  marketing: Marketing;
  scale: number;
  authors: Record<Platform, AuthorPool>;
  texts: TextPools;
  followers: Followers;
  random: Random;
  interactions: TableWriter;
  /** Next number for interaction ids (unique over the demo). */
  interactionCount: number;
}

export const INTERACTION_COLUMNS = [
  'interaction_id',
  'platform',
  'account_id',
  'post_id',
  'kind',
  'author_id',
  'author_name',
  'author_audience',
  'created_at',
  'text',
  'lang',
  'sentiment',
  'sentiment_score',
  'reply_to',
  'is_brand',
  'import_id',
  'expects_reply',
  'sentiment_source',
  'sentiment_probability',
  'sentiment_uncertain',
];

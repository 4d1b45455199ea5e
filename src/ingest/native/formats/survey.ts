// Survey tools' exports (Typeform, Google Forms, SurveyMonkey…) with a "How likely are you to recommend…" question.
import { createHash } from 'node:crypto';
import type { NativeFormat } from '../format.ts';

const RECOMMEND = [
  'How likely are you to recommend…',
  'How likely is it that you would recommend…',
  'Quelle est la probabilité que vous recommandiez…',
  'Recommanderiez-vous…',
];
const SCORE = /^(\d{1,2})(?!\d)/;

export const surveyNps: NativeFormat = {
  name: 'survey-nps',
  label: 'Survey export with a "How likely are you to recommend…" question (NPS)',
  signature: [RECOMMEND],
  fields: {
    score: RECOMMEND,
    response_id: ['Response ID', 'Respondent ID', 'ID de réponse', 'Token', '#', 'ID'],
    answered_at: [
      'Submitted At',
      'Submit Date (UTC)',
      'Timestamp',
      'Horodateur',
      'Horodatage',
      'End Date',
      'Date submitted',
      'Date',
      'Start Date',
    ],
    comment: [
      'Why…',
      'What is the main reason…',
      'What is the primary reason…',
      'Pourquoi…',
      'Comment',
      'Commentaire',
    ],
    channel: ['Channel', 'Source', 'Canal'],
  },
  frenchHeaders: ['Horodateur', 'Horodatage', ...RECOMMEND.slice(2)],
  readRow(row, out) {
    const answeredAt = row.time('answered_at');
    const scoreText = row.raw('score');
    const score = Number(SCORE.exec(scoreText)?.[1] ?? NaN);
    if (!(score >= 0 && score <= 10)) row.fail('score', 'a score from 0 to 10');
    const comment = row.text('comment');
    // Without an id, the answer itself identifies it, so importing the same file twice stores it once.
    const id =
      row.text('response_id') ??
      createHash('sha256').update(row.cells.join('\u0001')).digest('hex').slice(0, 20);
    if (answeredAt === null || !(score >= 0 && score <= 10)) return;
    out.emit('nps_responses', {
      response_id: `survey:${id}`,
      answered_at: answeredAt,
      score,
      comment,
      channel: row.has('channel') ? row.text('channel') : 'survey',
    });
  },
};

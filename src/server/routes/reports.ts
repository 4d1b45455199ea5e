// The report of a period as a PDF or HTML download (R17).
import { z } from 'zod';
import { buildReport } from '../../report/index.ts';
import type { Store } from '../../store/index.ts';
import { route, type Route } from '../route.ts';
import { isoDay } from '../schemas.ts';

export function reportRoutes(store: Store): Route[] {
  return [
    route({
      id: 'getReport',
      method: 'GET',
      url: '/api/reports',
      tag: 'alerts',
      summary:
        'The report of a period: executive brief, then scorecard, funnel, movers, posts, tonality, threads, advocates',
      description:
        'format=pdf needs Chromium on the server (apt-get install chromium); format=html is self-contained and printable.',
      role: 'viewer',
      query: z.object({
        from: isoDay,
        to: isoDay,
        lang: z.enum(['en', 'fr']).default('en'),
        format: z.enum(['pdf', 'html']).default('pdf'),
      }),
      response: z.unknown().meta({ description: 'application/pdf or text/html' }),
      handler: async ({ query, reply }) => {
        const report = await buildReport(store, query);
        return reply
          .type(report.contentType)
          .header('content-disposition', `attachment; filename="${report.filename}"`)
          .send(report.body);
      },
    }),
  ];
}

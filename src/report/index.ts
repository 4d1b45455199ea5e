// The report stage's public face: a report of a period as HTML or PDF, in French or English.
import type { Lang } from '../alerts/index.ts';
import type { Store } from '../store/index.ts';
import { checkPeriod, gatherReport } from './data.ts';
import { renderReportHtml } from './html.ts';
import { printPdf, warmChromium } from './pdf.ts';

export { gatherReport, checkPeriod, type ReportData } from './data.ts';
export { renderReportHtml } from './html.ts';
export {
  printPdf,
  warmChromium,
  closeChromium,
  ChromiumMissing,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
} from './pdf.ts';
export { brandOf, type Brand } from './brand.ts';
export { reportSubject, reportSummary } from './summary.ts';

export const REPORT_FORMATS = ['pdf', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportRequest {
  from: string;
  to: string;
  lang: Lang;
  format: ReportFormat;
  /** The real today (tests pin it). */
  today?: string;
}

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  filename: string;
}

export async function buildReport(store: Store, request: ReportRequest): Promise<RenderedReport> {
  const period = checkPeriod(request.from, request.to);
  // Chromium starts while the data is read; a missing Chromium fails before any query.
  if (request.format === 'pdf') void warmChromium().catch(() => {});
  const data = await gatherReport(store, period, request.today);
  const html = renderReportHtml(data, request.lang);
  const filename = `cadran-report-${period.from}-${period.to}-${request.lang}.${request.format}`;
  if (request.format === 'html')
    return { body: Buffer.from(html), contentType: 'text/html; charset=utf-8', filename };
  return { body: await printPdf(html), contentType: 'application/pdf', filename };
}

// Sends one file to POST /api/imports with upload progress (fetch cannot report it, XMLHttpRequest can),
// then follows the import job until it is done. Failures keep the server's whole answer: its message and
// where in the file (file, line, column, expected).
import { api } from '../../api/client.ts';
import type { ImportJob, ImportSummary, ProblemLocation } from '../../api/types.ts';

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly location: ProblemLocation = {},
  ) {
    super(message);
  }
}

/** The days a report without a date dimension covers; empty strings when the file says. */
export interface ReportPeriod {
  from: string;
  to: string;
}

const POLL_MS = 400;

/** Sends the file, then reports the job's progress until it lands or is refused. */
export async function uploadImport(
  file: File,
  format: string,
  period: ReportPeriod,
  onProgress: (sent: number) => void,
  onJob: (job: ImportJob) => void,
): Promise<ImportSummary> {
  let job = await sendFile(file, format, period, onProgress);
  while (job.state === 'queued' || job.state === 'running') {
    onJob(job);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const response = await fetch(`/api/imports/jobs/${job.jobId}`, { credentials: 'same-origin' }).catch(() => null);
    if (!response) throw new UploadError('network', 0);
    const payload = (await response.json()) as ImportJob & { error?: unknown };
    if (!response.ok) throw new UploadError(String((payload as { error?: string }).error ?? response.statusText), response.status);
    job = payload;
  }
  api.clearCache();
  onJob(job);
  if (job.state === 'done' && job.summary) return job.summary;
  throw new UploadError(job.error?.error ?? 'the import failed', 400, job.error?.location);
}

function sendFile(file: File, format: string, period: ReportPeriod, onProgress: (sent: number) => void): Promise<ImportJob> {
  const body = new FormData();
  if (format) body.append('format', format);
  if (period.from) body.append('from', period.from);
  if (period.to) body.append('to', period.to);
  body.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/imports?wait=false');
    request.withCredentials = true;
    request.responseType = 'json';
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.upload.onload = () => onProgress(1);
    request.onerror = () => reject(new UploadError('network', 0));
    request.onload = () => {
      const payload = request.response as (ImportJob & { error?: string; location?: ProblemLocation }) | null;
      if (request.status >= 200 && request.status < 300 && payload) resolve(payload);
      else reject(new UploadError(payload?.error ?? request.statusText, request.status, payload?.location));
    };
    request.send(body);
  });
}

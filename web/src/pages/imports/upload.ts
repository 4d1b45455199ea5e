// Sends one file to POST /api/imports with upload progress (fetch cannot report it, XMLHttpRequest can).
// Failures keep the server's whole answer: its message and where in the file (file, line, column, expected).
import { api } from '../../api/client.ts';
import type { ImportSummary, ProblemLocation } from '../../api/types.ts';

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

export function uploadImport(file: File, format: string, period: ReportPeriod, onProgress: (sent: number) => void): Promise<ImportSummary> {
  const body = new FormData();
  if (format) body.append('format', format);
  if (period.from) body.append('from', period.from);
  if (period.to) body.append('to', period.to);
  body.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/imports');
    request.withCredentials = true;
    request.responseType = 'json';
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.upload.onload = () => onProgress(1);
    request.onerror = () => reject(new UploadError('network', 0));
    request.onload = () => {
      api.clearCache();
      const payload = request.response as (ImportSummary & { error?: string; location?: ProblemLocation }) | null;
      if (request.status >= 200 && request.status < 300 && payload) resolve(payload);
      else reject(new UploadError(payload?.error ?? request.statusText, request.status, payload?.location));
    };
    request.send(body);
  });
}

// Imports: upload a file through the importers (native exports when they exist, else Cadran CSV); list past imports.
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { afterImport } from '../../alerts/index.ts';
import { importUpload, undoImport } from '../../ingest/index.ts';
import { InputError } from '../../model/index.ts';
import { localFolderOf, type Store } from '../../store/index.ts';
import { ImportJobs } from '../import-jobs.ts';
import { route, type Route } from '../route.ts';
import { importJob, importRecord, importSummary, undoSummary } from '../schemas.ts';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** A name safe on disk that keeps the extension the importers detect formats by. */
const safeName = (name: string) =>
  basename(name)
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .slice(-120) || 'upload.csv';

async function receiveUpload(request: FastifyRequest, folder: string) {
  const fields: Record<string, string> = {};
  let path: string | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (path) {
        part.file.resume();
        throw new InputError('send one file per import');
      }
      path = join(folder, safeName(part.filename));
      await pipeline(part.file, createWriteStream(path)).catch((error: Error) => {
        // The client went away mid-file: nobody is left to read an answer, nothing was imported.
        throw error.message === 'aborted' ? new InputError('the upload was cut off') : error;
      });
      if (part.file.truncated)
        throw new InputError(`the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!path) throw new InputError('attach the file to import in the "file" field');
  return { path, fields };
}

/** The one folder uploads wait in while they are imported: beside the store, emptied at start. */
export const uploadFolderOf = (store: Store) => localFolderOf(store.location, 'uploads');

/** Removes what uploads interrupted by a stop or a crash left behind; call before serving. */
export async function cleanUploadFolder(store: Store): Promise<void> {
  await rm(uploadFolderOf(store), { recursive: true, force: true });
  await mkdir(uploadFolderOf(store), { recursive: true });
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day such as 2025-01-31');
const options = z.object({
  format: z.string().max(64).optional(),
  account: z.string().max(200).optional(),
  table: z.string().max(64).optional(),
  decimal: z.enum(['.', ',']).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
});

export function importRoutes(store: Store): Route[] {
  const jobs = new ImportJobs();
  return [
    route({
      id: 'listImports',
      method: 'GET',
      url: '/api/imports',
      tag: 'imports',
      summary: 'The imported files, newest first',
      role: 'viewer',
      response: z.array(importRecord),
      handler: async () =>
        (await store.all(
          'SELECT import_id, imported_at, file_name, format, table_name, rows, replaced FROM imports ORDER BY imported_at DESC',
        )) as never,
    }),
    route({
      id: 'importFile',
      method: 'POST',
      url: '/api/imports',
      tag: 'imports',
      summary:
        'Import one platform export or Cadran CSV file (multipart/form-data: file, and optionally format, account, table, decimal)',
      description:
        'The whole file is validated first: a bad file is refused with its line and column and changes nothing. Re-importing rows with the same keys replaces them. Imports run one at a time; with `wait=false` the answer is the queued job (202), whose progress GET /api/imports/jobs/{jobId} gives.',
      role: 'analyst',
      multipart: true,
      query: z.object({
        wait: z
          .enum(['true', 'false'])
          .optional()
          .meta({ description: 'false: answer at once with the job instead of the summary' }),
      }),
      body: z.object({
        file: z.string().meta({ format: 'binary', description: 'the export or Cadran CSV file' }),
        format: z.string().optional().meta({
          description: 'a format name (see the README) instead of detection from the header',
        }),
        account: z
          .string()
          .optional()
          .meta({ description: 'account handle, when the export does not name it' }),
        table: z
          .string()
          .optional()
          .meta({ description: 'canonical table when the header is ambiguous' }),
        decimal: z.enum(['.', ',']).optional(),
        from: z.string().optional().meta({
          description: 'first day (YYYY-MM-DD) a report without a date dimension covers',
        }),
        to: z.string().optional().meta({ description: 'its last day (YYYY-MM-DD)' }),
      }),
      response: importSummary,
      status: 201,
      handler: async ({ request, reply, query }) => {
        if (!request.isMultipart())
          throw new InputError('send the file as multipart/form-data in a field named "file"');
        await mkdir(uploadFolderOf(store), { recursive: true });
        const folder = await mkdtemp(join(uploadFolderOf(store), 'upload-'));
        let queued: Promise<unknown> | null = null;
        try {
          const { path, fields } = await receiveUpload(request, folder);
          const parsed = options.safeParse(fields);
          if (!parsed.success)
            throw new InputError(
              `field "${parsed.error.issues[0].path.join('.')}": ${parsed.error.issues[0].message}`,
            );
          const { format, account, table, decimal, from, to } = parsed.data;
          const { job, finished } = jobs.enqueue(
            basename(path),
            (await stat(path)).size,
            (onProgress) =>
              importUpload(store, path, basename(path), {
                format,
                account,
                ...reportPeriod(from, to),
                cadran: { table, decimal },
                onProgress,
              }),
          );
          // Alert rules look at the new data once it landed; a refused import changed nothing.
          void finished.then(() => afterImport(store)).catch(() => undefined);
          queued = finished
            .finally(() => rm(folder, { recursive: true, force: true }))
            .catch(() => undefined);
          if (query.wait === 'false') return reply.status(202).send(importJob.parse(job));
          return await finished;
        } finally {
          if (!queued) await rm(folder, { recursive: true, force: true });
        }
      },
    }),
    route({
      id: 'importJob',
      method: 'GET',
      url: '/api/imports/jobs/:jobId',
      tag: 'imports',
      summary: 'The state and progress of an import job (rows read, bytes read of the file)',
      role: 'viewer',
      params: z.object({ jobId: z.string().uuid() }),
      response: importJob,
      handler: async ({ params }) => {
        const job = jobs.get(params.jobId);
        if (!job) throw new InputError('no such import job (jobs are kept while the server runs)');
        return job;
      },
    }),
    route({
      id: 'undoImport',
      method: 'DELETE',
      url: '/api/imports/:id',
      tag: 'imports',
      summary:
        'Undo an import: its rows go, the rows it replaced come back (any unique prefix of the id)',
      role: 'analyst',
      params: z.object({ id: z.string().min(4).max(64) }),
      response: undoSummary,
      handler: async ({ params }) => undoImport(store, params.id),
    }),
  ];
}

/** Both ends of a report's period, or neither. */
function reportPeriod(from?: string, to?: string): { from?: string; to?: string } {
  if (!from && !to) return {};
  if (!from || !to || from > to)
    throw new InputError(
      'give both the first and the last day of the period, the first not after the last',
    );
  return { from, to };
}

// Imports: upload a file through the importers (native exports when they exist, else Cadran CSV); list past imports.
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { afterImport } from '../../alerts/index.ts';
import { importUpload, undoImport } from '../../ingest/index.ts';
import { InputError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { route, type Route } from '../route.ts';
import { importRecord, importSummary, undoSummary } from '../schemas.ts';

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
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated)
        throw new InputError(`the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!path) throw new InputError('attach the file to import in the "file" field');
  return { path, fields };
}

const options = z.object({
  format: z.string().max(64).optional(),
  account: z.string().max(200).optional(),
  table: z.string().max(64).optional(),
  decimal: z.enum(['.', ',']).optional(),
});

export function importRoutes(store: Store): Route[] {
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
        'The whole file is validated first: a bad file is refused with its line and column and changes nothing. Re-importing rows with the same keys replaces them.',
      role: 'analyst',
      multipart: true,
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
      }),
      response: importSummary,
      status: 201,
      handler: async ({ request }) => {
        if (!request.isMultipart())
          throw new InputError('send the file as multipart/form-data in a field named "file"');
        const folder = await mkdtemp(join(tmpdir(), 'cadran-upload-'));
        try {
          const { path, fields } = await receiveUpload(request, folder);
          const parsed = options.safeParse(fields);
          if (!parsed.success)
            throw new InputError(
              `field "${parsed.error.issues[0].path.join('.')}": ${parsed.error.issues[0].message}`,
            );
          const { format, account, table, decimal } = parsed.data;
          const summary = await importUpload(store, path, basename(path), {
            format,
            account,
            cadran: { table, decimal },
          });
          afterImport(store);
          return summary;
        } finally {
          await rm(folder, { recursive: true, force: true });
        }
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

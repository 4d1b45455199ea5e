// Imports as jobs: a request may return at once with its job, whose progress anyone allowed can
// follow; two imports sent together are written one after the other, each whole.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp } from './app.ts';
import type { Store } from '../../src/store/index.ts';
import { fixture } from '../helpers.ts';
import { ENGINES, emptyStore } from '../engines.ts';

describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    store = await emptyStore(engine);
    app = await testApp(store);
    analyst = await bearer(store, 'analyst', 'importer');
    viewer = await bearer(store, 'viewer', 'reader');
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  function multipart(name: string, content: Buffer) {
    const boundary = '----cadran-job-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }

  interface Job {
    jobId: string;
    state: string;
    rows: number;
    bytes: number;
    totalBytes: number;
    summary?: { rows: number; format: string };
    error?: { error: string; location: { line?: number } };
  }

  async function startImport(name: string, content: Buffer): Promise<Job> {
    const upload = multipart(name, content);
    const response = await app.inject({
      method: 'POST',
      url: '/api/imports?wait=false',
      payload: upload.payload,
      headers: { ...analyst, ...upload.headers },
    });
    expect(response.statusCode, response.body).toBe(202);
    return response.json();
  }

  async function jobOf(jobId: string): Promise<Job> {
    const response = await app.inject({ url: `/api/imports/jobs/${jobId}`, headers: viewer });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  async function finished(jobId: string): Promise<Job> {
    for (;;) {
      const job = await jobOf(jobId);
      if (job.state === 'done' || job.state === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  describe('import jobs', () => {
    it('wait=false answers with the job; its progress ends with the summary', async () => {
      const content = readFileSync(fixture('exports', 'ga4_traffic_acquisition_jan.csv'));
      const job = await startImport('ga4.csv', content);
      expect(job).toMatchObject({ state: 'running', rows: 0 }); // the writer was free
      expect(job.totalBytes).toBe(content.length);
      const done = await finished(job.jobId);
      expect(done.state).toBe('done');
      expect(done.summary?.format).toBe('ga4-report');
      // 14 lines: 8 of preamble, a blank one, the header, then 4 rows.
      expect(done.summary?.rows).toBe(4);
      expect(done.rows).toBe(4);
      expect(done.bytes).toBe(content.length);
    });

    it('two imports sent together are written one after the other', async () => {
      const posts = (id: string) =>
        Buffer.from(
          `account_id,platform,handle\nacct-${id},instagram,handle-${id}\n`, // one account each
        );
      const first = await startImport('first.csv', posts('1'));
      const second = await startImport('second.csv', posts('2'));
      // The second waits for the writer while the first holds it.
      expect((await jobOf(second.jobId)).state).toBe('queued');
      expect((await finished(first.jobId)).state).toBe('done');
      expect((await finished(second.jobId)).state).toBe('done');
      const rows = await store.all(
        "SELECT file_name FROM imports WHERE file_name IN ('first.csv', 'second.csv') ORDER BY imported_at",
      );
      expect(rows.map((row) => row.file_name)).toEqual(['first.csv', 'second.csv']);
    });

    it('a refused file ends its job as failed, with the line to fix', async () => {
      const job = await startImport(
        'bad.csv',
        Buffer.from('account_id,platform,handle\na1,myspace,x\n'),
      );
      const done = await finished(job.jobId);
      expect(done.state).toBe('failed');
      expect(done.error?.location.line).toBe(2);
    });

    it('an unknown job is a clear 400', async () => {
      const response = await app.inject({
        url: '/api/imports/jobs/00000000-0000-4000-8000-000000000000',
        headers: viewer,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatch(/no such import job/);
    });
  });
});

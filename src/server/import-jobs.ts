// Imports run as jobs, one writer at a time, off the request that started them: the request may wait
// for its job or return its id at once, and anyone allowed may follow its progress.
import { randomUUID } from 'node:crypto';
import type { FileSummary, ImportProgress } from '../ingest/index.ts';
import { InputError, type Location } from '../model/index.ts';

export type ImportJobState = 'queued' | 'running' | 'done' | 'failed';

export interface ImportJob {
  jobId: string;
  file: string;
  state: ImportJobState;
  /** Rows read so far (all of them once done). */
  rows: number;
  bytes: number;
  totalBytes: number;
  /** The rows are read and being checked and written. */
  landing: boolean;
  summary?: FileSummary;
  error?: { error: string; location: Location; details: Location[] };
}

type ImportWork = (onProgress: (progress: ImportProgress) => void) => Promise<FileSummary>;

/** Finished jobs kept for late readers of their progress. */
const KEEP_FINISHED = 200;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  /** The writer's queue: each import starts once the one before it has finished. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Jobs queued or running. */
  private pending = 0;

  get(jobId: string): ImportJob | undefined {
    return this.jobs.get(jobId);
  }

  /** Queues an import; `finished` settles with its summary or its error. */
  enqueue(file: string, totalBytes: number, work: ImportWork) {
    const job: ImportJob = {
      jobId: randomUUID(),
      file,
      // With the writer free the job starts now: it is not reported as waiting for another.
      state: this.pending === 0 ? 'running' : 'queued',
      rows: 0,
      bytes: 0,
      totalBytes,
      landing: false,
    };
    this.jobs.set(job.jobId, job);
    this.pending++;
    this.forgetOldJobs();
    const finished = this.tail.then(() => this.run(job, work));
    this.tail = finished.catch(() => undefined);
    return { job, finished };
  }

  private async run(job: ImportJob, work: ImportWork): Promise<FileSummary> {
    job.state = 'running';
    try {
      job.summary = await work((progress) => {
        job.rows = progress.rows;
        job.bytes = progress.bytes;
        job.landing = Boolean(progress.landing);
      });
      job.state = 'done';
      job.rows = job.summary.rows;
      job.bytes = job.totalBytes;
      return job.summary;
    } catch (error) {
      job.state = 'failed';
      job.error =
        error instanceof InputError
          ? {
              error: error.message,
              location: error.location,
              details: error.details.map((detail) => detail.location),
            }
          : { error: 'internal error', location: {}, details: [] };
      throw error;
    } finally {
      this.pending--;
    }
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter(
      (job) => job.state === 'done' || job.state === 'failed',
    );
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(job.jobId);
  }
}

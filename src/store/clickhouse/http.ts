// ClickHouse's HTTP interface through fetch: one POST per statement, rows back as JSON.
import { createReadStream, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { TABLES } from '../schema.ts';
import type { ResultRow } from '../types.ts';
import type { ClickHouseLocation } from './location.ts';

interface JsonResult {
  meta: { name: string; type: string }[];
  data: Record<string, unknown>[];
}

export class ClickHouseError extends Error {}

/** ClickHouse's text for a type, without Nullable( … ) around it. */
const baseType = (type: string) => type.replace(/^Nullable\((.*)\)$/, '$1');

/**
 * The schema's boolean columns, kept as UInt8: read back under their name, they are booleans as
 * DuckDB gives them. (Other UInt8 results, such as small literals, stay numbers.)
 */
const BOOLEAN_COLUMNS = new Set(
  TABLES.flatMap((table) => table.columns.filter((c) => c.type === 'bool').map((c) => c.name)),
);

/** Dates and times as DuckDB's store gives them: 'YYYY-MM-DD' and ISO 8601 in UTC. */
function toJsValue(value: unknown, type: string, name: string): unknown {
  if (value === null || value === undefined) return null;
  const base = baseType(type);
  if (base === 'UInt8' && BOOLEAN_COLUMNS.has(name)) return Number(value) !== 0;
  if (base === "DateTime('Etc/UTC')") return String(value).slice(0, 10);
  if (base.startsWith('DateTime'))
    return new Date(`${String(value).replace(' ', 'T')}Z`).toISOString();
  if (/^U?Int(8|16|32|64)$/.test(base) || /^Float(32|64)$/.test(base)) {
    const number = Number(value);
    return Number.isNaN(number) ? null : number;
  }
  return value;
}

/**
 * One POST on a connection of its own: a pooled connection the server closed while idle (its
 * keep_alive_timeout is 3 s) fails the next statement with EPIPE instead of being reopened.
 */
function send(
  url: URL,
  body: string | { file: string },
  location: ClickHouseLocation,
  signal?: AbortSignal,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = {
      'X-ClickHouse-User': location.user,
      'X-ClickHouse-Key': location.password,
      'Content-Length':
        typeof body === 'string' ? Buffer.byteLength(body) : statSync(body.file).size,
    };
    const request = httpRequest(
      url,
      { method: 'POST', headers, agent: false, signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    if (typeof body === 'string') request.end(body);
    else
      // Streamed from disk, so a table of any size takes a few buffers of memory.
      createReadStream(body.file).on('error', reject).pipe(request);
  });
}

export class ClickHouseHttp {
  constructor(private readonly location: ClickHouseLocation) {}

  private async post(sql: string, database: string | null, signal?: AbortSignal): Promise<string> {
    return this.sendTo(this.urlFor(database), sql, signal);
  }

  private urlFor(database: string | null): URL {
    const url = new URL(this.location.url);
    if (database) url.searchParams.set('database', database);
    url.searchParams.set('output_format_json_quote_64bit_integers', '0');
    // Unmatched rows of a LEFT JOIN read as NULL, as in DuckDB, not as 0 or ''.
    url.searchParams.set('join_use_nulls', '1');
    return url;
  }

  private async sendTo(url: URL, body: string | { file: string }, signal?: AbortSignal) {
    const { status, text } = await send(url, body, this.location, signal);
    if (status !== 200) throw new ClickHouseError(text.trim().split('\n')[0]);
    return text;
  }

  /** Runs a statement that returns nothing (DDL, INSERT, ALTER). */
  async exec(sql: string, database: string | null = this.location.database): Promise<void> {
    await this.post(sql, database);
  }

  async query(sql: string, signal?: AbortSignal): Promise<ResultRow[]> {
    const text = await this.post(`${sql}\nFORMAT JSON`, this.location.database, signal);
    const result = JSON.parse(text) as JsonResult;
    const types = new Map(result.meta.map(({ name, type }) => [name, type]));
    return result.data.map((row) => {
      const record: ResultRow = {};
      for (const [name, value] of Object.entries(row))
        record[name] = toJsValue(value, types.get(name) ?? 'String', name);
      return record;
    });
  }

  /** Inserts rows given as JSON objects, one per line. */
  async insertJsonRows(table: string, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const body = rows.map((row) => JSON.stringify(row)).join('\n');
    await this.post(`INSERT INTO ${table} FORMAT JSONEachRow\n${body}`, this.location.database);
  }

  /**
   * Inserts a CSV file with a header row whose columns are `columns` in order (18.16 skips the
   * header rather than matching it), NULL written \N. The file is the request body, so the server
   * need not see the client's disk.
   */
  async insertCsvFile(table: string, columns: string[], file: string): Promise<void> {
    const url = this.urlFor(this.location.database);
    url.searchParams.set(
      'query',
      `INSERT INTO ${table} (${columns.join(', ')}) FORMAT CSVWithNames`,
    );
    await this.sendTo(url, { file });
  }

  async ping(): Promise<void> {
    await this.post('SELECT 1', null);
  }
}

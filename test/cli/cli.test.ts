import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'cli');
const db = join(mkdtempSync(join(tmpdir(), 'cadran-cli-')), 'cadran.duckdb');

function cadran(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [join(root, 'bin', 'cadran.cjs'), '--db', db, ...args],
    { encoding: 'utf8', cwd: root },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cadran command line', () => {
  beforeAll(() => {
    const imported = cadran(
      'import',
      ...['accounts', 'posts', 'post_metrics'].map((name) => join(fixtures, `${name}.csv`)),
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  });

  it('lists its commands', () => {
    const { code, stdout } = cadran('--help');
    expect(code).toBe(0);
    for (const command of ['demo', 'import', 'kpis', 'kpi', 'objectives', 'serve'])
      expect(stdout).toContain(command);
  });

  it('prints a KPI as JSON with its inputs, for scripts', () => {
    const { code, stdout } = cadran(
      'kpi',
      'engagement_rate_impressions',
      '--from',
      '2025-01-01',
      '--to',
      '2025-02-28',
      '--by',
      'platform',
      '--json',
    );
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout).results;
    // instagram: (50+10+4+2) ÷ 2000 = 66 ÷ 2000 = 0.033; linkedin: (20+5+1+0) ÷ 1000 = 0.026
    expect(result.rows.map((row: { key: object; value: number }) => [row.key, row.value])).toEqual([
      [{ platform: 'instagram' }, 0.033],
      [{ platform: 'linkedin' }, 0.026],
    ]);
    expect(result.unit).toBe('ratio');
  });

  it('prints a readable table with the convention stated', () => {
    const { code, stdout } = cadran(
      'kpi',
      'engagements',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Σ reactions + comments + shares + saves');
    expect(stdout).toMatch(/66\b/); // 50 + 10 + 4 + 2
  });

  it('prints the base of a ratio, and NPS its margin of error', () => {
    const nps = join(root, 'test', 'fixtures', 'kpis', 'nps_responses.csv');
    expect(cadran('import', nps).code).toBe(0);
    const { code, stdout } = cadran('kpi', 'nps', '--from', '2025-01-01', '--to', '2025-01-31');
    expect(code).toBe(0);
    // 10 answers: 6 promoters, 2 detractors. NPS = 60 − 20 = 40; variance = (0.8 − 0.4²) ÷ 10 =
    // 0.064; margin = 1.96 × √0.064 × 100 = 49.6 points. 10 answers is under the minimum of 30.
    expect(stdout).toMatch(/\+40\.0\s+49\.6\s+10 answers \(low base\)/);
  });

  it('says how many of the labels a tonality KPI counts were uncertain', () => {
    const interactions = join(mkdtempSync(join(tmpdir(), 'cadran-cli-uncertain-')), 'labels.csv');
    writeFileSync(
      interactions,
      [
        'interaction_id,platform,account_id,kind,author_id,created_at,text,sentiment,sentiment_uncertain',
        'u1,instagram,instagram:lumen,comment,a1,2025-03-10T12:00:00Z,Superbe,positive,false',
        'u2,instagram,instagram:lumen,comment,a2,2025-03-11T12:00:00Z,Bof,positive,true',
        'u3,instagram,instagram:lumen,comment,a3,2025-03-12T12:00:00Z,Pas mal,neutral,true',
        'u4,instagram,instagram:lumen,comment,a4,2025-03-13T12:00:00Z,Cassé,negative,false',
      ].join('\n'),
    );
    expect(cadran('import', interactions).code).toBe(0);
    const { code, stdout } = cadran(
      'kpi',
      'sentiment_positive_share',
      '--from',
      '2025-03-01',
      '--to',
      '2025-03-31',
    );
    expect(code).toBe(0);
    // 2 positive of 4 labelled comments = 50.0 %; u2 and u3 are uncertain: 2.
    expect(stdout).toMatch(/uncertain labels/);
    expect(stdout).toMatch(/50\.0 %\s+4 comments \(low base\)\s+2\n/);
  });

  it('exits 1 with a message on an unknown KPI', () => {
    const { code, stderr } = cadran(
      'kpi',
      'likes_per_moon',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
    );
    expect(code).toBe(1);
    expect(stderr).toContain('unknown KPI "likes_per_moon"');
  });

  it('exits 1 on an impossible date', () => {
    const { code, stderr } = cadran('kpi', 'impressions', '--from', '2025-02-30');
    expect(code).toBe(1);
    expect(stderr).toContain('--from must be a date');
  });

  it('refuses a bad file naming line, column, value and expectation, and imports nothing', () => {
    const { code, stderr } = cadran('import', join(fixtures, 'bad_posts.csv'));
    expect(code).toBe(1);
    expect(stderr).toContain('bad_posts.csv, line 3, column "published_at": value "not-a-date"');
    expect(stderr).toContain('column "content_type": value "hologram": expected one of');
    const posts = cadran(
      'kpi',
      'impressions',
      '--from',
      '2025-01-11',
      '--to',
      '2025-01-11',
      '--json',
    );
    expect(JSON.parse(posts.stdout).results[0].rows[0].value).toBeNull(); // p3 was not written either
  });

  it('lists the catalog as JSON', () => {
    const { code, stdout } = cadran('kpis', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((kpi: { id: string }) => kpi.id)).toContain(
      'recommendation_index',
    );
  });
});

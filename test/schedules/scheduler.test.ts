// Scheduled reports delivered for real: to an SMTP server started here and a local webhook; the run
// log proves a restart never sends twice and a failed delivery is retried after its backoff.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeChromium } from '../../src/report/index.ts';
import {
  createSchedule,
  listRuns,
  runDueSchedules,
  startScheduler,
} from '../../src/schedules/index.ts';
import { openStore, writeSettings, type Store } from '../../src/store/index.ts';
import { seedComments } from '../alerts/comments-seed.ts';
import { tempStore } from '../helpers.ts';

const TODAY = '2026-03-04';
// Wednesday 4 March 2026, 10:00 UTC: Monday's 08:00 (Paris) report was missed while stopped.
const NOW = new Date('2026-03-04T10:00:00Z');

let store: Store;
let smtp: SMTPServer;
const mails: ParsedMail[] = [];
let webhook: Server;
const hooks: unknown[] = [];
let failNextHooks = 0;

beforeAll(async () => {
  store = await tempStore();
  await seedComments(store);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        mails.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as { port: number }).port;
  webhook = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (failNextHooks > 0) {
        failNextHooks--;
        response.writeHead(503).end();
        return;
      }
      hooks.push(JSON.parse(body));
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  await writeSettings(store, {
    smtp_url: `smtp://127.0.0.1:${smtpPort}`,
    smtp_from: 'rapports@lumen.fr',
    brand_name: 'Maison Lumen',
  });
});

afterAll(async () => {
  store.close();
  await closeChromium();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  webhook.close();
});

function pdfText(pdf: Buffer): { text: string; pages: number } {
  const file = join(mkdtempSync(join(tmpdir(), 'cadran-mail-')), 'r.pdf');
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
  return { text: execFileSync('pdftotext', ['-layout', file, '-']).toString(), pages };
}

describe('scheduled reports', () => {
  it('a missed Monday report is e-mailed once at start, marked late, with the PDF attached', async () => {
    await createSchedule(
      store,
      {
        name: 'Hebdo direction',
        when: 'every Monday 08:00',
        time_zone: 'Europe/Paris',
        period: 'previous_week',
        lang: 'fr',
        recipients: ['claire@lumen.fr'],
      },
      new Date('2026-02-20T00:00:00Z'),
    );
    expect(await runDueSchedules(store, { now: NOW, today: TODAY })).toBe(1);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    // Due Monday 2 March 08:00 Paris; the week before it is Monday 23 February – Sunday 1 March.
    expect(mail.subject).toBe(
      'Maison Lumen — Rapport de performance 23 février 2026 – 1 mars 2026 (en retard)',
    );
    expect(mail.to).toMatchObject({ text: 'claire@lumen.fr' });
    expect(mail.text).toContain('Retour sur objectifs');
    const attachment = mail.attachments[0];
    expect(attachment.filename).toBe('report-2026-02-23-2026-03-01-fr.pdf');
    const { text, pages } = pdfText(attachment.content);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Synthèse');
    // Opinions that week: 5 weekdays × (8 + 32) + 2 weekend days × (4 + 16) = 240, 48 of them negative (20 %).
    expect(text).toContain('base 240 avis');
    expect(text).toMatch(/20\s%/);
    const [run] = await listRuns(store);
    expect(run).toMatchObject({ status: 'sent', attempts: 1, late: true });
  });

  it('a restart never sends the same report twice', async () => {
    const location = store.location;
    store.close();
    store = await openStore(location);
    const scheduler = await startScheduler(store, () => {}, 3_600_000);
    await scheduler.ready;
    scheduler.stop();
    // The real clock is past March: the scheduler above may have sent later weeks, never March's again.
    const again = await runDueSchedules(store, {
      now: new Date(NOW.getTime() + 3_600_000),
      today: TODAY,
    });
    expect(again).toBe(0);
    expect(mails.filter((mail) => mail.subject?.includes('23 février 2026'))).toHaveLength(1);
  });

  it('a failed webhook delivery is logged and retried after its backoff, then sent once', async () => {
    const url = `http://127.0.0.1:${(webhook.address() as { port: number }).port}/hook`;
    const schedule = await createSchedule(
      store,
      {
        name: 'Daily',
        when: '0 7 * * *',
        time_zone: 'UTC',
        period: 'previous_day',
        format: 'html',
        recipients: [url],
      },
      new Date('2026-03-01T00:00:00Z'),
    );
    failNextHooks = 1;
    expect(await runDueSchedules(store, { now: NOW, today: TODAY })).toBe(0);
    const [failed] = await listRuns(store, schedule.id);
    // First failure: tried again 1 minute later.
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 1,
      next_attempt_at: '2026-03-04T10:01:00.000Z',
    });
    expect(failed.last_error).toContain('503');
    expect(
      await runDueSchedules(store, { now: new Date(NOW.getTime() + 30_000), today: TODAY }),
    ).toBe(0);
    expect(
      await runDueSchedules(store, { now: new Date(NOW.getTime() + 61_000), today: TODAY }),
    ).toBe(1);
    expect(
      await runDueSchedules(store, { now: new Date(NOW.getTime() + 300_000), today: TODAY }),
    ).toBe(0);
    expect(hooks).toHaveLength(1);
    // Slack and Teams read `text`: the subject in bold, the summary, the link to the report.
    expect((hooks[0] as { text: string }).text).toMatch(
      /^\*Maison Lumen — Performance report 3 March 2026 – 3 March 2026 \(late\)\*\n[\s\S]*\/api\/reports\?from=2026-03-03&to=2026-03-03&lang=en&format=html$/,
    );
    const [sent] = await listRuns(store, schedule.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('"every Monday 08:00" and a cron expression are accepted; anything else says what is expected', async () => {
    await expect(
      createSchedule(store, { name: 'x', when: 'every moonday 08:00', recipients: ['a@b.fr'] }),
    ).rejects.toThrow('unknown day "moonday"');
    await expect(
      createSchedule(store, { name: 'x', when: '61 8 * * 1', recipients: ['a@b.fr'] }),
    ).rejects.toThrow('neither a cron expression');
  });
});

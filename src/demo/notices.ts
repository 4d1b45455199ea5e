// What the demo sets up beyond data: the brand's name and colour for reports, an alert rule that
// catches the demo's negative-comment burst, and a weekly report schedule to a webhook, left off.
import { createRule, listRules } from '../alerts/index.ts';
import { createSchedule, listSchedules } from '../schedules/index.ts';
import { writeSettings, type Store } from '../store/index.ts';

export async function writeDemoNotices(store: Store): Promise<void> {
  await writeSettings(store, {
    brand_name: 'Maison Lumen',
    brand_colour: '#9a5b2e',
    time_zone: 'Europe/Paris',
  });
  if ((await listRules(store)).length === 0)
    await createRule(store, {
      kind: 'anomaly',
      kpi: 'sentiment_negative_share',
      judge: 'numerator',
    });
  if ((await listSchedules(store)).length === 0)
    await createSchedule(store, {
      name: 'Weekly brief (demo, off: give it your Slack or Teams webhook)',
      when: 'every Monday 08:00',
      time_zone: 'Europe/Paris',
      period: 'previous_week',
      lang: 'fr',
      format: 'pdf',
      recipients: ['https://hooks.example.invalid/cadran-demo'],
      enabled: false,
    });
}

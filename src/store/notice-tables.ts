// Tables of what leaves Cadran: alert rules and the alerts they raised, report schedules and their runs.
import type { Column, Table } from './schema.ts';

const text = (name: string, doc: string, required = false): Column => ({
  name,
  type: 'text',
  required,
  doc,
});
const time = (name: string, doc: string, required = false): Column => ({
  name,
  type: 'timestamp',
  required,
  doc,
});

export const NOTICE_TABLES: Table[] = [
  {
    name: 'alert_rules',
    grain: 'alert rule',
    key: ['rule_id'],
    importable: false,
    columns: [
      text('rule_id', 'Unique id.', true),
      text('kind', 'threshold, objective_status or anomaly.', true),
      text('kpi', 'KPI id from the catalog (objective_status: the objective id).', true),
      text('settings', 'JSON: threshold and side, or k, weeks and minimum base.', true),
      text('filters', 'JSON object of filters.'),
      { name: 'cooldown_hours', type: 'float', min: 0, doc: 'Quiet time after an alert.' },
      text('deliver_to', 'JSON list of e-mail addresses and webhook URLs.'),
      { name: 'enabled', type: 'bool', doc: 'false when the rule is paused.' },
      time('created_at', 'Creation time.', true),
    ],
  },
  {
    name: 'alerts',
    grain: 'alert raised by a rule',
    key: ['alert_id'],
    importable: false,
    columns: [
      text('alert_id', 'Unique id.', true),
      text('rule_id', 'Rule that raised it.', true),
      text('dedup_key', 'Rule + what it is about (a day, a status): raised once.', true),
      text('kpi', 'KPI id.', true),
      text('about', 'Day or period the alert is about.', true),
      { name: 'value', type: 'float', doc: 'Value of the KPI.' },
      { name: 'expected', type: 'float', doc: 'Usual value (anomaly) or threshold.' },
      { name: 'low', type: 'float', doc: 'Low end of the usual range.' },
      { name: 'high', type: 'float', doc: 'High end of the usual range.' },
      { name: 'base', type: 'float', doc: 'What the value is measured over.' },
      text('summary', 'JSON of the alert as delivered (message, link, threads).', true),
      time('raised_at', 'When the rule raised it.', true),
      time('delivered_at', 'When delivery succeeded.'),
      time('acknowledged_at', 'When someone acknowledged it.'),
      text('acknowledged_by', 'Who acknowledged it.'),
    ],
  },
  {
    name: 'schedules',
    grain: 'report schedule',
    key: ['schedule_id'],
    importable: false,
    columns: [
      text('schedule_id', 'Unique id.', true),
      text('name', 'What the schedule is for.', true),
      text('cron', 'Cron expression, in the time zone.', true),
      text('time_zone', 'IANA time zone, e.g. Europe/Paris.', true),
      text('period', 'Period reported: previous_week, previous_month, previous_quarter…', true),
      text('lang', 'fr or en.', true),
      text('format', 'pdf or html.', true),
      text('recipients', 'JSON list of e-mail addresses and webhook URLs.', true),
      text('when_text', 'The schedule as it was typed.'),
      { name: 'enabled', type: 'bool', doc: 'false when paused.' },
      time('created_at', 'Creation time.', true),
    ],
  },
  {
    name: 'schedule_runs',
    grain: 'schedule + period reported',
    key: ['run_key'],
    importable: false,
    columns: [
      text('run_key', 'Schedule id + period: one send per period.', true),
      text('schedule_id', 'Schedule run.', true),
      time('due_at', 'When it was due.', true),
      text('status', 'pending, sent or failed.', true),
      { name: 'attempts', type: 'int', min: 0, doc: 'Delivery attempts so far.' },
      { name: 'late', type: 'bool', doc: 'true when sent after a missed time.' },
      text('last_error', 'Why the last attempt failed.'),
      time('next_attempt_at', 'When a failed delivery is tried again.'),
      time('sent_at', 'When delivery succeeded.'),
    ],
  },
];

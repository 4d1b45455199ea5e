// The shapes the alert and schedule pages read, as the server's routes answer them.
export interface AlertThread {
  post_id: string | null;
  post_text: string | null;
  permalink: string | null;
  negatives: number;
  opinions: number;
  sample: string | null;
}

export interface AlertRecord {
  id: string;
  rule_id: string;
  kind: 'threshold' | 'objective_status' | 'anomaly';
  kpi: string;
  about: string;
  value: number | null;
  expected: number | null;
  low: number | null;
  high: number | null;
  base: number | null;
  side: 'above' | 'below' | 'worse';
  judged: 'value' | 'numerator';
  status?: { from: string; to: string; objective: string };
  link: string;
  threads: AlertThread[];
  raised_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

export interface ScheduleRecord {
  id: string;
  name: string;
  when: string;
  cron: string;
  time_zone: string;
  period: string;
  lang: 'en' | 'fr';
  format: 'pdf' | 'html';
  recipients: string[];
  enabled: boolean;
  created_at: string;
  next_run: string | null;
}

export interface ScheduleRun {
  key: string;
  schedule_id: string;
  due_at: string;
  status: 'sending' | 'sent' | 'failed' | 'interrupted';
  attempts: number;
  late: boolean;
  last_error: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
}

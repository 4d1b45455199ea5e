// YouTube Studio's daily exports: Chart data (one row per video per day) and Totals (per day).
// Their views land on the channel's days (account_daily), never on the videos' lifetime counters,
// so importing them beside the lifetime table (Table data.csv) counts no view twice.
import type { NativeFormat } from '../format.ts';
import { readDay, sumRepeatedDays } from './daily.ts';
import { accountOf } from './posts.ts';

export const youtubeChartData: NativeFormat = {
  name: 'youtube-chart-data',
  label: 'YouTube Studio chart data (Chart data.csv, views per video per day)',
  signature: [['Date'], ['Content'], ['Video title'], ['Views']],
  fields: {
    day: ['Date'],
    post_id: ['Content'],
    text: ['Video title'],
    published_at: ['Video publish time'],
    video_views: ['Views'],
    watch_time_hours: ['Watch time (hours)'],
  },
  ignored: ['Duration'],
  totalRows: ['total'],
  // The videos of one day add up to the channel's day: a sum over a dimension Cadran does not keep daily.
  combineRepeats: sumRepeatedDays(['video_views', 'watch_time']),
  readRow(row, out, context) {
    readDay(row, out, context, 'youtube');
    const videoId = row.required('post_id');
    const publishedAt = row.has('published_at') ? row.time('published_at', false) : null;
    if (videoId === null || publishedAt === null) return;
    out.emit('posts', {
      post_id: `youtube:${videoId}`,
      account_id: `youtube:${accountOf(context)}`,
      platform: 'youtube',
      published_at: publishedAt,
      content_type: 'video',
      text: row.text('text'),
      permalink: null,
      campaign: null,
    });
  },
};

export const youtubeTotals: NativeFormat = {
  name: 'youtube-totals',
  label: 'YouTube Studio totals (Totals.csv, channel views per day)',
  signature: [['Date'], ['Views']],
  fields: { day: ['Date'], video_views: ['Views'], watch_time_hours: ['Watch time (hours)'] },
  // YouTube writes 13-06-2025: the day first.
  dayOrder: 'day-first',
  readRow: (row, out, context) => readDay(row, out, context, 'youtube'),
};

// Every native export format Cadran reads, and how a file's header picks one.
import type { NativeFormat } from './format.ts';
import { findColumn, normaliseHeader } from './headers.ts';
import { ga4Report } from './formats/ga4.ts';
import {
  linkedinContentDaily,
  linkedinFollowers,
  linkedinVisitors,
  tiktokFollowers,
  tiktokOverview,
} from './formats/daily.ts';
import { linkedinContent } from './formats/linkedin.ts';
import { facebookPosts, instagramPosts } from './formats/meta.ts';
import { surveyNps } from './formats/survey.ts';
import { tiktokContent, youtubeContent } from './formats/video.ts';
import { youtubeChartData, youtubeTotals } from './formats/video-daily.ts';
import { xAccountContent, xAccountOverview, xPostActivity } from './formats/x.ts';

export const NATIVE_FORMATS: NativeFormat[] = [
  xPostActivity,
  xAccountContent,
  xAccountOverview,
  facebookPosts,
  instagramPosts,
  linkedinContent,
  linkedinFollowers,
  linkedinVisitors,
  linkedinContentDaily,
  youtubeContent,
  youtubeChartData,
  youtubeTotals,
  tiktokContent,
  tiktokOverview,
  tiktokFollowers,
  ga4Report,
  surveyNps,
];

export interface FormatMatch {
  format: NativeFormat;
  /** Signature columns found ÷ signature columns. */
  share: number;
  complete: boolean;
}

export function matchFormat(format: NativeFormat, rawHeader: string[]): FormatMatch {
  const header = rawHeader.map(normaliseHeader);
  const found = format.signature.filter((names) => findColumn(header, names) >= 0).length;
  const share = found / format.signature.length;
  return { format, share, complete: found === format.signature.length };
}

/** Formats ranked by how much of their signature the header holds; the most specific complete one first. */
export function rankFormats(header: string[]): FormatMatch[] {
  return NATIVE_FORMATS.map((format) => matchFormat(format, header)).sort(
    (a, b) =>
      Number(b.complete) - Number(a.complete) ||
      b.share - a.share ||
      b.format.signature.length - a.format.signature.length,
  );
}

export function formatByName(name: string): NativeFormat | undefined {
  return NATIVE_FORMATS.find((format) => format.name === name);
}

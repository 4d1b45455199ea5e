import { InputError } from '../../model/index.ts';

export interface UtmTags {
  source: string;
  campaign: string;
  content?: string | null;
  medium?: string;
}

/** The target with UTM parameters set (utm_medium=social unless given), keeping its own query and fragment. */
export function taggedUrl(target: string, tags: UtmTags): string {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new InputError(`not a web address: "${target.slice(0, 200)}"`, {
      expected: 'an http:// or https:// URL',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`only http and https links can be tracked (got ${url.protocol})`);
  }
  url.searchParams.set('utm_source', tags.source);
  url.searchParams.set('utm_medium', tags.medium ?? 'social');
  url.searchParams.set('utm_campaign', tags.campaign);
  if (tags.content) url.searchParams.set('utm_content', tags.content);
  return url.toString();
}

// Post ids and permalinks in each platform's own style, unique by construction (a counter inside each id).
import type { ContentType } from '../model/index.ts';
import type { DemoAccount } from './brand.ts';
import { uniqueCode, type Random } from './random.ts';

export interface PostIdentity {
  postId: string;
  permalink: string;
}

/** Random digits then the counter: looks like a platform's long numeric id, and never repeats. */
function numericId(counter: number, random: Random): string {
  return random.digits(12) + String(counter).padStart(7, '0');
}

export function postIdentity(
  account: DemoAccount,
  type: ContentType,
  counter: number,
  random: Random,
): PostIdentity {
  const handle = account.handle.replace(/^@/, '');
  switch (account.platform) {
    case 'instagram': {
      const code = uniqueCode(counter, random, 5);
      if (type === 'story') {
        const id = numericId(counter, random);
        return {
          postId: `ig_story_${id}`,
          permalink: `https://www.instagram.com/stories/${handle}/${id}/`,
        };
      }
      return {
        postId: `ig_${code}`,
        permalink: `https://www.instagram.com/${type === 'reel' ? 'reel' : 'p'}/${code}/`,
      };
    }
    case 'facebook': {
      const id = `10${numericId(counter, random)}`;
      return { postId: `fb_${id}`, permalink: `https://www.facebook.com/${handle}/posts/${id}` };
    }
    case 'linkedin': {
      const urn = `urn:li:activity:7${numericId(counter, random)}`;
      return { postId: urn, permalink: `https://www.linkedin.com/feed/update/${urn}/` };
    }
    case 'x': {
      const id = `1${numericId(counter, random)}`;
      return { postId: `x_${id}`, permalink: `https://x.com/${handle}/status/${id}` };
    }
    case 'youtube': {
      const code = uniqueCode(counter, random, 5);
      return {
        postId: `yt_${code}`,
        permalink:
          type === 'reel'
            ? `https://www.youtube.com/shorts/${code}`
            : `https://www.youtube.com/watch?v=${code}`,
      };
    }
    case 'tiktok': {
      const id = `7${numericId(counter, random)}`;
      return { postId: `tt_${id}`, permalink: `https://www.tiktok.com/@${handle}/video/${id}` };
    }
  }
}

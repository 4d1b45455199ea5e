// Which user agents count as clicks (issue 16, F9): previews, crawlers and HTTP libraries do not.
import { describe, expect, it } from 'vitest';
import { BOT_FAMILIES, botFamilyOf } from '../../src/server/links/bots.ts';
import { isBot } from '../../src/server/links/visitors.ts';

// One or more samples per family, written in the shapes these clients send.
const BOTS: [string, string][] = [
  [
    'Facebook and Meta previews',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  ],
  [
    'Facebook and Meta previews',
    'meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)',
  ],
  ['X (Twitter) cards', 'Twitterbot/1.0'],
  [
    'LinkedIn previews',
    'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  ],
  ['Slack previews', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
  ['Slack previews', 'Slack-ImgProxy (+https://api.slack.com/robots)'],
  ['WhatsApp previews', 'WhatsApp/2.23.20.0 A'],
  ['Discord previews', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
  ['Telegram previews', 'TelegramBot (like TwitterBot)'],
  [
    'Skype and Teams previews',
    'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com',
  ],
  ['Pinterest crawler', 'Pinterest/0.2 (+https://www.pinterest.com/bot.html)'],
  ['Reddit previews', 'Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)'],
  ['Mastodon previews', 'http.rb/5.1.1 (Mastodon/4.2.1; +https://mastodon.social/)'],
  ['Bluesky previews', 'Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)'],
  [
    'Embed services (Iframely, Embedly)',
    'Iframely/1.3.1 (+https://iframely.com/docs/about) Atlas/2.0',
  ],
  [
    'Embed services (Iframely, Embedly)',
    'Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)',
  ],
  ['Search engines', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
  ['Search engines', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
  ['SEO and AI crawlers', 'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)'],
  [
    'SEO and AI crawlers',
    'Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)',
  ],
  [
    'Headless and automated browsers',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36',
  ],
  [
    'Headless and automated browsers',
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36 Chrome-Lighthouse',
  ],
  ['Command-line tools', 'curl/8.5.0'],
  ['Command-line tools', 'Wget/1.21.4'],
  ['Command-line tools', 'libwww-perl/6.72'],
  ['Node.js clients', 'node'],
  ['Node.js clients', 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)'],
  ['Node.js clients', 'axios/1.7.2'],
  ['Node.js clients', 'undici'],
  ['Python clients', 'python-requests/2.32.3'],
  ['Python clients', 'Python-urllib/3.12'],
  ['Python clients', 'python-httpx/0.27.0'],
  ['Go clients', 'Go-http-client/2.0'],
  ['Java clients', 'Java/17.0.9'],
  ['Java clients', 'okhttp/4.12.0'],
  ['Java clients', 'Apache-HttpClient/5.2 (Java/17)'],
  ['Ruby and PHP clients', 'Faraday v2.9.0'],
  ['Ruby and PHP clients', 'GuzzleHttp/7'],
  ['Other robots', 'Mozilla/5.0 (compatible; SomeNewCrawler/1.0)'],
];

// People: desktop and mobile browsers, and the in-app browsers of the networks links are shared on.
const PEOPLE = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 350.0.0.22.80 (iPhone15,2; iOS 17_6; fr_FR; fr; scale=3.00; 1179x2556)',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/480.0.0.40.107;FBBV/650000000;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.6;FBSS/3;FBCR/;FBID/phone;FBLC/fr_FR;FBOP/5]',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 LinkedInApp/9.30.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0 Mobile Safari/537.36 musical_ly_2023600040 BytedanceWebview/d8a21c6',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [Pinterest/iOS]',
];

describe('bot families', () => {
  it.each(BOTS)('%s: %s is not a click', (family, agent) => {
    expect(botFamilyOf(agent)?.name).toBe(family);
    expect(isBot(agent, 'GET')).toBe(true);
  });

  it('every family of the list has a sample above', () => {
    const sampled = new Set(BOTS.map(([family]) => family));
    expect(BOT_FAMILIES.map((family) => family.name).filter((name) => !sampled.has(name))).toEqual(
      [],
    );
  });

  it.each(PEOPLE)('a person: %s', (agent) => {
    expect(botFamilyOf(agent)).toBeNull();
    expect(isBot(agent, 'GET')).toBe(false);
  });

  it('a HEAD request or no user agent is not a click', () => {
    expect(isBot(PEOPLE[0], 'HEAD')).toBe(true);
    expect(isBot(undefined, 'GET')).toBe(true);
  });
});

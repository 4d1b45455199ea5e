// Who is not a person: link previews, crawlers, headless browsers and HTTP libraries. They get their
// redirect but count as bot hits, not clicks. One entry per family, the first match names it (Telegram
// says it is "like TwitterBot"); the tests hold a sample of each.
export interface BotFamily {
  name: string;
  pattern: RegExp;
}

export const BOT_FAMILIES: BotFamily[] = [
  {
    name: 'Facebook and Meta previews',
    pattern: /facebookexternalhit|facebookcatalog|meta-externalagent|meta-externalfetcher/i,
  },
  { name: 'Telegram previews', pattern: /telegrambot/i },
  { name: 'X (Twitter) cards', pattern: /twitterbot/i },
  { name: 'LinkedIn previews', pattern: /linkedinbot/i },
  { name: 'Slack previews', pattern: /slackbot|slack-imgproxy/i },
  { name: 'WhatsApp previews', pattern: /whatsapp/i },
  { name: 'Discord previews', pattern: /discordbot/i },
  { name: 'Skype and Teams previews', pattern: /skypeuripreview/i },
  { name: 'Pinterest crawler', pattern: /pinterestbot|pinterest\/0\./i },
  { name: 'Reddit previews', pattern: /redditbot/i },
  { name: 'Mastodon previews', pattern: /mastodon\//i },
  { name: 'Bluesky previews', pattern: /cardyb|bluesky/i },
  { name: 'Embed services (Iframely, Embedly)', pattern: /iframely|embedly/i },
  {
    name: 'Search engines',
    pattern:
      /googlebot|adsbot-google|google-inspectiontool|apis-google|googleother|bingbot|bingpreview|yandex|baiduspider|duckduckbot|applebot|petalbot/i,
  },
  {
    name: 'SEO and AI crawlers',
    pattern: /semrush|ahrefs|mj12bot|dotbot|bytespider|gptbot|ccbot/i,
  },
  {
    name: 'Headless and automated browsers',
    pattern: /headless|phantomjs|puppeteer|playwright|selenium|lighthouse/i,
  },
  { name: 'Command-line tools', pattern: /curl\/|wget\/|httpie\/|libwww-perl|lwp::|powershell/i },
  { name: 'Node.js clients', pattern: /^node(\/|$)|node-fetch|undici|axios\/|got \(/i },
  { name: 'Python clients', pattern: /python-requests|python-urllib|python-httpx|aiohttp|scrapy/i },
  { name: 'Go clients', pattern: /go-http-client/i },
  { name: 'Java clients', pattern: /java\/|apache-httpclient|okhttp/i },
  { name: 'Ruby and PHP clients', pattern: /http\.rb|faraday|ruby|guzzlehttp|php\//i },
  { name: 'Other robots', pattern: /bot\b|crawler|spider|crawl|preview|fetch|scrape|httpclient/i },
];

/** The family a user agent belongs to, or null for a person's browser. */
export function botFamilyOf(userAgent: string): BotFamily | null {
  return BOT_FAMILIES.find((family) => family.pattern.test(userAgent)) ?? null;
}

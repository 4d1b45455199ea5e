// Posts a message to a webhook as JSON that Slack incoming webhooks and Teams workflows both accept:
// `text` (markdown for both), with the subject bolded and the link appended.

import type { Message } from './message.ts';

const TIMEOUT_MS = 10_000;

export function webhookBody(message: Message, publicUrl?: string): Record<string, unknown> {
  const link = message.link
    ? `\n${publicUrl ? new URL(message.link, publicUrl) : message.link}`
    : '';
  return { text: `*${message.subject}*\n${message.text}${link}` };
}

export async function postWebhook(
  url: string,
  message: Message,
  publicUrl?: string,
): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(webhookBody(message, publicUrl)),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok)
    throw new Error(
      `webhook ${new URL(url).host} answered ${response.status} ${response.statusText}`,
    );
}

// What leaves Cadran: e-mail through SMTP and webhooks, retried with backoff.
import { readSettings, type Store } from '../store/index.ts';
import { sendEmail, type SmtpSettings } from './email.ts';
import { recipientOf, type Message } from './message.ts';
import { postWebhook } from './webhook.ts';

export { recipientInput, recipientOf, type Message, type Recipient } from './message.ts';
export { webhookBody } from './webhook.ts';
export type { SmtpSettings } from './email.ts';

export interface DeliverySettings {
  smtp: SmtpSettings | null;
  publicUrl?: string;
}

export async function deliverySettings(store: Store): Promise<DeliverySettings> {
  const settings = await readSettings(store);
  const url = process.env.CADRAN_SMTP_URL || settings.smtp_url;
  const from = settings.smtp_from || process.env.CADRAN_SMTP_FROM || 'cadran@localhost';
  return {
    smtp: url ? { url, from } : null,
    publicUrl: process.env.CADRAN_PUBLIC_URL || settings.public_url || undefined,
  };
}

/** Sends one message to one recipient, once. */
export async function deliver(
  to: string,
  message: Message,
  settings: DeliverySettings,
): Promise<void> {
  const recipient = recipientOf(to);
  if ('webhook' in recipient) return postWebhook(recipient.webhook, message, settings.publicUrl);
  if (!settings.smtp)
    throw new Error(
      `no SMTP server to e-mail ${recipient.email}: set one with \`cadran schedules smtp smtp://user:password@host:587 --from reports@example.com\``,
    );
  const withLink = message.link
    ? { ...message, text: `${message.text}\n\n${absolute(message.link, settings.publicUrl)}` }
    : message;
  return sendEmail(settings.smtp, recipient.email, withLink);
}

function absolute(link: string, publicUrl?: string): string {
  return publicUrl ? String(new URL(link, publicUrl)) : link;
}

/**
 * Tries a delivery up to `attempts` times, waiting 1 s, 2 s, 4 s… between tries; returns the number
 * of tries it took, or throws the last error.
 */
export async function deliverWithRetry(
  to: string,
  message: Message,
  settings: DeliverySettings,
  options: { attempts?: number; firstDelayMs?: number; onFailure?: (error: Error) => void } = {},
): Promise<number> {
  const attempts = options.attempts ?? 4;
  let delay = options.firstDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      await deliver(to, message, settings);
      return attempt;
    } catch (error) {
      options.onFailure?.(error as Error);
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}

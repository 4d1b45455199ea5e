import { z } from 'zod';

/** Something Cadran sends: a subject, plain text, optional HTML and attachments. */
export interface Message {
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** A link the receiver opens for the detail (relative to the server's public address). */
  link?: string;
}

/** Where a message goes: an e-mail address or a webhook URL. */
export type Recipient = { email: string } | { webhook: string };

/** A recipient as users type it, checked at the edge: an e-mail address or an http(s) webhook URL. */
export const recipientInput = z.union([z.email(), z.url({ protocol: /^https?$/ })]);

export function recipientOf(text: string): Recipient {
  return /^https?:\/\//i.test(text) ? { webhook: text } : { email: text };
}

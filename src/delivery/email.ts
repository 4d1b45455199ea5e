// Sends a message by e-mail through the SMTP server named in the settings (or CADRAN_SMTP_URL).
import nodemailer from 'nodemailer';
import type { Message } from './message.ts';

export interface SmtpSettings {
  /** smtp://user:password@host:port or smtps://… */
  url: string;
  from: string;
}

export async function sendEmail(smtp: SmtpSettings, to: string, message: Message): Promise<void> {
  const transport = nodemailer.createTransport(smtp.url);
  try {
    await transport.sendMail({
      from: smtp.from,
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      attachments: message.attachments,
    });
  } finally {
    transport.close();
  }
}

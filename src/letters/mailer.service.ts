import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { Environment } from '../config/environment.js';

/** Sends mail through SMTP_URL; without it, letters are stored and not sent. */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly transport?: Transporter;

  constructor(private readonly env: Environment) {
    if (env.SMTP_URL) this.transport = nodemailer.createTransport(env.SMTP_URL);
  }

  get enabled(): boolean {
    return !!this.transport;
  }

  /** Resolves when the server accepts the message; rejects with its error. Attachments are plain text files. */
  async send(to: string, subject: string, text: string, attachments: Array<{ filename: string; content: string }> = [], messageId?: string): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not set');
    await this.transport.sendMail({
      from: this.env.MAIL_FROM,
      to,
      subject,
      ...(messageId ? { messageId } : {}),
      text,
      attachments: attachments.map((a) => ({ ...a, contentType: 'text/plain; charset=utf-8' })),
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { config } from '../config.js';
import { traceAwsCalls } from '../tracing.js';
import { singleLine } from './escape.js';
import type { RenderedMail } from './manager-digest.js';

export interface OutgoingMail extends RenderedMail {
  to: string;
}

/** Sends one email; resolves with the provider's message id, rejects once every retry failed. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<string>;
}

export interface SesMailerOptions {
  /** The SES emulator locally (config SES_ENDPOINT); the regional endpoint when absent. */
  endpoint?: string;
  region?: string;
  from?: string;
  /** Attempts of each SendEmail call inside the SDK (its standard retry strategy, with backoff). */
  sdkMaxAttempts?: number;
  /** Pauses between our own further attempts, once the SDK has given up on one. */
  retryDelaysMs?: number[];
}

const DEFAULT_RETRY_DELAYS_MS = [500, 2_000];

/**
 * SES v1 SendEmail with both bodies in UTF-8. A transient failure is retried by the SDK and then
 * a bounded number of times more, spaced out; a refusal (a client fault such as an unverified
 * sender) is not retried. This is the only module that talks to SES.
 */
export function createSesMailer(options: SesMailerOptions = {}): Mailer {
  const { SES_ENDPOINT, AWS_REGION, MAIL_FROM } = config();
  const endpoint = options.endpoint ?? SES_ENDPOINT;
  const client = new SESClient({
    region: options.region ?? AWS_REGION,
    maxAttempts: options.sdkMaxAttempts ?? 3,
    // The emulator takes any credentials; in AWS the function's role signs.
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  traceAwsCalls(client, 'SES');
  const from = options.from ?? MAIL_FROM;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;

  return {
    async send(mail) {
      const to = singleLine(mail.to, 254);
      const command = new SendEmailCommand({
        Source: from,
        Destination: { ToAddresses: [to] },
        Message: {
          Subject: { Data: singleLine(mail.subject, 250), Charset: 'UTF-8' },
          Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      });
      for (let attempt = 0; ; attempt += 1) {
        try {
          const { MessageId } = await client.send(command);
          return MessageId ?? '';
        } catch (error) {
          if (attempt >= delays.length || isRefusal(error)) throw error;
          await new Promise((done) => setTimeout(done, delays[attempt]));
        }
      }
    },
  };
}

let shared: Mailer | undefined;

/** The process's mailer, from configuration, created on first use (cold start). */
export function sesMailer(): Mailer {
  shared ??= createSesMailer();
  return shared;
}

function isRefusal(error: unknown): boolean {
  const { $fault, name } = error as { $fault?: string; name?: string };
  return $fault === 'client' && name !== 'Throttling' && name !== 'ThrottlingException';
}

import '../../support/environment.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSesMailer, sesMailer } from '../../../shared/mail/ses-mailer.js';
import { startFlakySes } from '../../support/flaky-ses.js';
import { freePort } from '../../support/free-port.js';
import { emailsTo } from '../../support/ses-inbox.js';

const sesUrl = inject('sesUrl');
const address = () => `m${randomUUID().slice(0, 8)}@mail.example.com`;
const mail = (to: string) => ({ to, subject: 'חבר צוות חדש: Zoë', html: '<p>Zoë — שלום</p>', text: 'Zoë — שלום' });
let flaky: Awaited<ReturnType<typeof startFlakySes>>;

beforeAll(async () => {
  flaky = await startFlakySes(sesUrl, 'healthy');
});
afterAll(async () => {
  await flaky?.stop();
});

// Quick retries for the tests: 2 SDK attempts per call, then two more calls 10 ms apart.
const quickMailer = () => createSesMailer({ endpoint: flaky.url, sdkMaxAttempts: 2, retryDelaysMs: [10, 10] });

describe('the SES mailer', () => {
  it('sends HTML and plain text in UTF-8 from the configured sender, to the SES endpoint of the configuration', async () => {
    const to = address();
    const messageId = await sesMailer().send(mail(to));
    const [sent, ...more] = await emailsTo(sesUrl, to);
    expect(more).toEqual([]);
    expect(sent).toMatchObject({
      messageId,
      from: 'Roster <no-reply@roster.local>',
      subject: 'חבר צוות חדש: Zoë',
      body: { html: '<p>Zoë — שלום</p>', text: 'Zoë — שלום' },
    });
  });

  it('retries a failing SES — the SDK’s attempts, then its own — and sends exactly once when SES recovers', async () => {
    const to = address();
    flaky.resetCount();
    flaky.failNext(3);
    await quickMailer().send(mail(to));
    expect(flaky.requests).toBe(4);
    expect(await emailsTo(sesUrl, to)).toHaveLength(1);
  });

  it('gives up after a bounded number of attempts, having sent nothing', async () => {
    const to = address();
    flaky.resetCount();
    flaky.set('down');
    await expect(quickMailer().send(mail(to))).rejects.toMatchObject({ name: 'ServiceUnavailable' });
    expect(flaky.requests).toBe(2 * 3);
    expect(await emailsTo(sesUrl, to)).toEqual([]);
    flaky.set('healthy');
  });

  it('does not retry a refusal (a permanent error)', async () => {
    flaky.resetCount();
    flaky.set('refuse');
    await expect(quickMailer().send(mail(address()))).rejects.toMatchObject({ name: 'MessageRejected' });
    expect(flaky.requests).toBe(1);
    flaky.set('healthy');
  });

  it('fails when SES cannot be reached at all', async () => {
    const closed = createSesMailer({ endpoint: `http://127.0.0.1:${await freePort()}`, sdkMaxAttempts: 1, retryDelaysMs: [10] });
    await expect(closed.send(mail(address()))).rejects.toThrow();
  });

  it('strips CR/LF from the recipient and the subject it sends', async () => {
    const to = address();
    await sesMailer().send({ ...mail(to), subject: 'Hello\r\nBcc: victim@example.com' });
    const [sent] = await emailsTo(sesUrl, to);
    expect(sent!.subject).toBe('Hello Bcc: victim@example.com');
    expect(sent!.destination).toEqual({ to: [to], cc: [], bcc: [] });
  });
});

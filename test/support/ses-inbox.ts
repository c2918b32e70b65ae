/** An email as the SES emulator (aws-ses-v2-local) stores it; read over its HTTP API. */
export interface SentEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
}

/**
 * Emails the emulator accepted for `address`. The emulator is shared by every test file, so tests
 * read only the mailboxes of their own (randomly named) people instead of clearing the store.
 */
export async function emailsTo(sesUrl: string, address: string): Promise<SentEmail[]> {
  const response = await fetch(`${sesUrl}/store`);
  if (!response.ok) throw new Error(`SES emulator store: ${response.status}`);
  const { emails } = (await response.json()) as { emails: SentEmail[] };
  const wanted = address.toLowerCase();
  return emails.filter((email) => email.destination.to.some((to) => to.toLowerCase() === wanted));
}

/** Emails of many mailboxes at once, by lower-cased address (one read of the store). */
export async function emailsByRecipient(sesUrl: string): Promise<Map<string, SentEmail[]>> {
  const response = await fetch(`${sesUrl}/store`);
  const { emails } = (await response.json()) as { emails: SentEmail[] };
  const byRecipient = new Map<string, SentEmail[]>();
  for (const email of emails) {
    for (const to of email.destination.to) byRecipient.set(to.toLowerCase(), [...(byRecipient.get(to.toLowerCase()) ?? []), email]);
  }
  return byRecipient;
}

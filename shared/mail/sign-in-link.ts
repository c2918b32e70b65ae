import { escapeHtml, singleLine } from './escape.js';
import type { RenderedMail } from './manager-digest.js';

/** The email that carries a console sign-in link; every value is escaped or made one line. */
export function renderSignInLink(input: { companyName: string; personName: string; link: string; minutes: number }): RenderedMail {
  const company = singleLine(input.companyName);
  const person = singleLine(input.personName);
  const subject = singleLine(`Your sign-in link for ${company} on Roster`, 250);
  const text = [
    `Hi ${person},`,
    '',
    `Use this link to sign in to Roster for ${company}. It works once, for the next ${input.minutes} minutes:`,
    '',
    input.link,
    '',
    'If you did not ask to sign in, ignore this email: nobody can use the link without this mailbox.',
  ].join('\n');
  const e = escapeHtml;
  const html = [
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2933;line-height:1.5">',
    `<p>Hi ${e(person)},</p>`,
    `<p>Use this link to sign in to Roster for ${e(company)}. It works once, for the next ${input.minutes} minutes:</p>`,
    `<p><a href="${e(input.link)}">Sign in to Roster</a></p>`,
    '<p style="color:#6b7280;font-size:.875rem">If you did not ask to sign in, ignore this email: nobody can use the link without this mailbox.</p>',
    '</body></html>',
  ].join('\n');
  return { subject, html, text };
}

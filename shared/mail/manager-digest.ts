import { digestMessages, type DigestMessages } from './digest-messages.js';
import { escapeHtml, singleLine } from './escape.js';

export type CaptureKind = keyof DigestMessages['capture'];

/** One new report as the email shows it; every string is user-supplied (from the identity provider). */
export interface NewReport {
  name: string;
  title?: string;
  email?: string;
  /** What of theirs is recorded; empty when data capture is not active for them. */
  dataCapture: CaptureKind[];
}

export interface ManagerDigest {
  /** The manager's locale: picks the language. */
  locale?: string;
  managerName: string;
  /** The company the reports joined, named in the email. */
  companyName: string;
  reports: NewReport[];
  /** This manager can turn data capture on or off for at least one of the reports listed. */
  managerCanToggleDataCapture: boolean;
  /** The manager's "My team" page in the console. */
  teamUrl: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** The new-reports email, as HTML and plain text, in the manager's language. */
export function renderManagerDigest(digest: ManagerDigest): RenderedMail {
  const words = digestMessages(digest.locale);
  const reports = digest.reports.map((report) => ({
    name: singleLine(report.name),
    title: report.title ? singleLine(report.title) : undefined,
    email: report.email ? singleLine(report.email, 254) : undefined,
    capture: report.dataCapture.length ? report.dataCapture.map((kind) => words.capture[kind]).join(', ') : words.captureOff,
  }));
  const one = reports.length === 1;
  const subject = singleLine(one ? words.subjectOne(reports[0]!.name) : words.subjectMany(reports.length), 250);
  const greeting = words.greeting(singleLine(digest.managerName));
  const company = singleLine(digest.companyName);
  const intro = one ? words.introOne(company) : words.introMany(reports.length, company);

  const rows = (report: (typeof reports)[number]) =>
    [
      ...(report.title ? [[words.title, report.title] as const] : []),
      ...(report.email ? [[words.email, report.email] as const] : []),
      [words.dataCapture, report.capture] as const,
    ];

  const text = [
    greeting,
    '',
    intro,
    '',
    ...reports.flatMap((report) => [`- ${report.name}`, ...rows(report).map(([label, value]) => `  ${label}${words.colon}${value}`), '']),
    ...(digest.managerCanToggleDataCapture ? [words.canToggle] : []),
    `${words.manageLink}${words.colon}${digest.teamUrl}`,
    '',
    words.footer,
  ].join('\n');

  const e = escapeHtml;
  const html = [
    `<!DOCTYPE html><html lang="${e(digest.locale ?? 'en')}" dir="${words.direction}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2933;line-height:1.5">',
    `<p>${e(greeting)}</p>`,
    `<p>${e(intro)}</p>`,
    '<ul style="padding-inline-start:1.25rem">',
    ...reports.map(
      (report) =>
        `<li style="margin-bottom:.75rem"><strong>${e(report.name)}</strong><br>` +
        rows(report)
          .map(([label, value]) => `${e(label)}${e(words.colon)}${e(value)}`)
          .join('<br>') +
        '</li>',
    ),
    '</ul>',
    `<p>${digest.managerCanToggleDataCapture ? `${e(words.canToggle)} ` : ''}<a href="${e(digest.teamUrl)}">${e(words.manageLink)}</a></p>`,
    `<p style="color:#6b7280;font-size:.875rem">${e(words.footer)}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject, html, text };
}

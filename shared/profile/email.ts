import { domainToASCII } from 'node:url';

/** RFC 5321 limits. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;
const MAX_DOMAIN_LENGTH = 253;

// Dot-atom local part (RFC 5322) plus any non-ASCII letter (RFC 6531); quoted local parts
// ("john doe"@example.com) are not accepted: no identity provider issues them.
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Domain in the lower-case ASCII (punycode) form, so "BÜCHER.example" and "xn--bcher-kva.example" are equal. */
function asciiDomain(domain: string): string | undefined {
  const withoutRootDot = domain.trim().replace(/\.$/, '');
  if (!withoutRootDot || withoutRootDot.length > MAX_DOMAIN_LENGTH) return undefined;
  const ascii = domainToASCII(withoutRootDot);
  if (!ascii || ascii.length > MAX_DOMAIN_LENGTH) return undefined;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return undefined;
  // An all-numeric last label is an IP address, not a domain.
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return undefined;
  return ascii;
}

function splitEmail(email: string | null | undefined): { local: string; domain: string } | undefined {
  const text = email?.trim();
  if (!text || text.length > MAX_EMAIL_LENGTH) return undefined;
  const at = text.lastIndexOf('@');
  if (at <= 0) return undefined;
  return { local: text.slice(0, at), domain: text.slice(at + 1) };
}

/**
 * The domain of an email address, lower case, in ASCII (an internationalised domain comes back in
 * punycode), without a trailing root dot: " Jane@Example.COM " → "example.com". Undefined when
 * the address has no valid domain.
 */
export function emailDomain(email: string | null | undefined): string | undefined {
  const parts = splitEmail(email);
  return parts ? asciiDomain(parts.domain) : undefined;
}

/**
 * Whether this looks like a deliverable address: trimmed, one "@", a dot-atom local part
 * (Unicode letters allowed) of at most 64 characters, and a domain of at least two labels
 * (internationalised domains allowed). Deliberately no quoted local parts and no IP literals.
 */
export function isValidEmail(email: string | null | undefined): boolean {
  const parts = splitEmail(email);
  if (!parts || parts.local.length > MAX_LOCAL_PART_LENGTH || !LOCAL_PART.test(parts.local)) return false;
  return asciiDomain(parts.domain) !== undefined;
}

/**
 * The article's import rule: "the email domain must match your company primary domain,
 * otherwise the user won't be imported".
 *
 * Case-insensitive, whitespace-tolerant and IDN-safe (Unicode and punycode spellings are equal).
 * A company domain may be written with a leading "@".
 *
 * Subdomain policy: by default the domain must equal one of the company's domains exactly, so
 * jane@eu.example.com is NOT imported for example.com. Subdomains match only when the company
 * opts in with `allowSubdomains: true`, and then only on a label boundary
 * (eu.example.com matches example.com; badexample.com never does).
 */
export function domainAllowed(
  email: string | null | undefined,
  companyDomains: readonly string[],
  options: { allowSubdomains?: boolean } = {},
): boolean {
  if (!isValidEmail(email)) return false;
  const domain = emailDomain(email);
  if (!domain) return false;
  return companyDomains.some((companyDomain) => {
    const allowed = asciiDomain(companyDomain.trim().replace(/^@/, ''));
    if (!allowed) return false;
    return domain === allowed || (options.allowSubdomains === true && domain.endsWith(`.${allowed}`));
  });
}

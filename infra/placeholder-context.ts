import type { RosterSettings } from './context.js';

// example.com is reserved (RFC 2606): nobody can verify it in SES or serve the product from it.
const isPlaceholder = (host: string): boolean => /(^|\.)example\.(com|org|net)$/i.test(host);

/**
 * cdk.json ships placeholder `mailFrom` and `productUrl` so `cdk synth` runs with no arguments;
 * a stack deployed with them cannot send a single email. Returns one warning per placeholder.
 */
export function placeholderWarnings({ mail, productUrl }: RosterSettings): string[] {
  const mailDomain = mail.identity.split('@').pop() ?? '';
  return [
    ...(isPlaceholder(mailDomain) ? [`mailFrom is the placeholder ${mail.identity}: pass -c mailFrom=<your SES identity>`] : []),
    ...(isPlaceholder(new URL(productUrl).hostname) ? [`productUrl is the placeholder ${productUrl}: pass -c productUrl=<your product URL>`] : []),
  ];
}

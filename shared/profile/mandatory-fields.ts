import { domainAllowed, emailDomain, isValidEmail } from './email.js';

export type MandatoryRule = 'givenName' | 'familyName' | 'primaryEmail' | 'emailDomain';

export interface MandatoryFieldsInput {
  givenName?: string;
  familyName?: string;
  primaryEmail?: string;
}

export interface MandatoryFieldsViolation {
  rule: MandatoryRule;
  /** Shown in Okta's task list: says which rule failed and what to do, in an admin's words. */
  detail: string;
}

/**
 * The article's mandatory fields: given name, last name and a primary email whose domain is one
 * of the company's domains. A user that breaks one is not imported.
 */
export function checkMandatoryFields(
  input: MandatoryFieldsInput,
  company: { domains: readonly string[]; allowSubdomains?: boolean },
): MandatoryFieldsViolation | undefined {
  const notImported = 'The user was not imported:';
  if (!input.givenName?.trim()) {
    return { rule: 'givenName', detail: `${notImported} the given name (first name) is empty. Set it in the user's Okta profile.` };
  }
  if (!input.familyName?.trim()) {
    return { rule: 'familyName', detail: `${notImported} the last name is empty. Set it in the user's Okta profile.` };
  }
  const email = input.primaryEmail?.trim();
  if (!email || !isValidEmail(email)) {
    return {
      rule: 'primaryEmail',
      detail: `${notImported} ${email ? `the primary email "${email}" is not a valid email address` : 'there is no primary email'}. Set a primary work email in the user's Okta profile.`,
    };
  }
  if (!domainAllowed(email, company.domains, { allowSubdomains: company.allowSubdomains === true })) {
    const domains = company.domains.join(', ');
    return {
      rule: 'emailDomain',
      detail:
        `${notImported} the primary email's domain "${emailDomain(email) ?? ''}" is not one of the company's domains (${domains})` +
        `${company.allowSubdomains ? ' or their subdomains' : ''}. Use an address at ${company.domains[0] ?? 'the company domain'}, or add the domain in Roster's company settings.`,
    };
  }
  return undefined;
}

import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export interface NormalizedPhone {
  /** The number in E.164 ("+12125751994"), when it could be read. */
  e164?: string;
  /** Digits only. The explicit Primary Phone Ext attribute wins over one written in the number. */
  extension?: string;
  /**
   * The number as given (trimmed; cut to MAX_PHONE_INPUT_LENGTH when longer): what to keep and
   * show when it could not be read.
   */
  raw: string;
  valid: boolean;
  /** Why the value was flagged, in words an Okta admin understands. */
  reason?: string;
}

export interface PhoneOptions {
  /** The user's country, ISO 3166-1 alpha-2: the region of numbers written without "+". */
  defaultCountry?: string | null;
  /** The Okta "Primary Phone Ext" attribute. */
  explicitExtension?: string | null;
}

/** Longer than any phone number with an extension; longer input is flagged without being parsed. */
export const MAX_PHONE_INPUT_LENGTH = 64;
/** libphonenumber's own limit for an extension. */
export const MAX_EXTENSION_DIGITS = 20;

const FALLBACK_REGION: CountryCode = 'US';

const UNREADABLE_NUMBER =
  "phone number could not be read; write it like (212) 575-1994 ext 3437, or with its country code like +44 20 7946 0958 (numbers without a country code are read as numbers of the user's country, or of the US when the country is not set)";
const UNREADABLE_EXTENSION = `phone extension must be digits only (at most ${MAX_EXTENSION_DIGITS})`;

// libphonenumber-js reads every extension style of the article ("ext 3437", "ext. 468",
// "x2991", "x 229", "Ext. 143"), but not "Ext.: 143" or "ext#229", and it gives up on an "x"
// followed by more than 9 digits. Rewriting the trailing marker as " ext. " covers those too.
const TRAILING_EXTENSION_MARKER = /[\s,;]*(?:ext(?:ension|n)?|x)\s*[.:#=-]*\s*(?=\d{1,20}$)/i;
const EXPLICIT_EXTENSION = /^(?:(?:ext(?:ension|n)?|x)\s*[.:#=-]*\s*|#\s*)?(\d{1,20})$/i;

function regionFor(country: string | null | undefined): CountryCode {
  const code = country?.trim().toUpperCase();
  return code && isSupportedCountry(code) ? code : FALLBACK_REGION;
}

function readExplicitExtension(raw: string | null | undefined): { extension?: string; unreadable?: true } {
  // NFKC turns full-width digits into ASCII ones.
  const text = raw?.trim().normalize('NFKC');
  if (!text) return {};
  const digits = text.length <= MAX_PHONE_INPUT_LENGTH ? EXPLICIT_EXTENSION.exec(text)?.[1] : undefined;
  return digits ? { extension: digits } : { unreadable: true };
}

/**
 * Reads the Okta "Phone number" attribute, in any of the article's formats ("(865) 365-1900",
 * "(212) 575-1994 ext 3437", "540.946.4600 Ext. 143"…) or with a country code
 * ("+44 20 7946 0958", "+972-3-1234567", "tel:+1-212-575-1994;ext=3437").
 *
 * Validity is libphonenumber-js's with its default "min" metadata: the length and leading digits
 * fit a real numbering plan (the full per-digit patterns would add ~65 KB to every bundle).
 *
 * Returns undefined when no number was given (an extension alone is meaningless). A number that
 * cannot be read, or an explicit extension that is not digits, is flagged (`valid: false`) with
 * the input kept in `raw`; nothing here throws.
 */
export function normalizePhone(raw: string | null | undefined, options: PhoneOptions = {}): NormalizedPhone | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (text.length > MAX_PHONE_INPUT_LENGTH) {
    return { raw: text.slice(0, MAX_PHONE_INPUT_LENGTH), valid: false, reason: UNREADABLE_NUMBER };
  }

  const explicit = readExplicitExtension(options.explicitExtension);
  // NFKC first: libphonenumber-js reads full-width digits but not the full-width "＋", and without
  // it "＋４４ ２０…" would be read as a national number of the default country.
  const parsed = parsePhoneNumberFromString(
    text.normalize('NFKC').replace(TRAILING_EXTENSION_MARKER, ' ext. '),
    regionFor(options.defaultCountry),
  );
  if (!parsed?.isValid()) {
    return { raw: text, valid: false, reason: UNREADABLE_NUMBER, ...(explicit.extension && { extension: explicit.extension }) };
  }

  const extension = explicit.extension ?? parsed.ext;
  const result: NormalizedPhone = { e164: parsed.number, raw: text, valid: true, ...(extension && { extension }) };
  return explicit.unreadable ? { ...result, valid: false, reason: UNREADABLE_EXTENSION } : result;
}

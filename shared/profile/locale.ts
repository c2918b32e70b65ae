import { Info } from 'luxon';

/** The article: "If you don't define a locale for a user, they are assigned en-US by default." */
export const DEFAULT_LOCALE = 'en-US';
/** Longer than any locale Okta sends; longer input is flagged without being parsed. */
export const MAX_LOCALE_INPUT_LENGTH = 64;

export interface NormalizedLocale {
  /** Canonical BCP 47 tag: the given one, or en-US when none was given or it was unusable. */
  locale: string;
  /** False when a value was given but is not a usable BCP 47 tag (then `locale` is en-US). */
  valid: boolean;
  /** True when `locale` is en-US because no usable value was given. */
  defaulted: boolean;
  reason?: string;
}

const INVALID_LOCALE = 'locale must be a language tag like en-US; en-US is used instead';

/**
 * Reads the Okta "Locale" attribute. Okta may send "en_US"; any letter case is accepted and the
 * tag is canonicalised by Intl ("EN-us" → "en-US", "iw-IL" → "he-IL"). A tag is usable when it is
 * well-formed BCP 47 and its language is one the runtime has data for ("zz-ZZ" and "und" are not).
 */
export function normalizeLocale(raw: string | null | undefined): NormalizedLocale {
  const text = raw?.trim();
  if (!text) return { locale: DEFAULT_LOCALE, valid: true, defaulted: true };
  const invalid: NormalizedLocale = { locale: DEFAULT_LOCALE, valid: false, defaulted: true, reason: INVALID_LOCALE };
  if (text.length > MAX_LOCALE_INPUT_LENGTH) return invalid;

  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(text.replace(/_/g, '-'))[0];
  } catch {
    return invalid;
  }
  if (!canonical || Intl.DateTimeFormat.supportedLocalesOf([canonical]).length === 0) return invalid;
  return { locale: canonical, valid: true, defaulted: false };
}

/**
 * The weekend of a user's locale as ISO weekday numbers (1 = Monday … 7 = Sunday), from CLDR
 * through luxon: en-US → [6, 7], he-IL → [5, 6], fa-IR → [5]. Used to avoid notifying people on
 * their weekend. The locale is normalised first, so an absent or invalid one means en-US's weekend.
 */
export function weekendDays(locale: string | null | undefined): number[] {
  return Info.getWeekendWeekdays({ locale: normalizeLocale(locale).locale });
}

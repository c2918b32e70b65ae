/**
 * Characters that change how an identifier reads without showing themselves: controls (Cc), format
 * characters (Cf: zero-width spaces and joiners, the bidi marks, embeddings, overrides and isolates,
 * the BOM, the soft hyphen) and the line and paragraph separators. In a userName or an email they
 * only serve to make "ali\u200Bce@…" look like "alice@…" (RFC 8265 disallows them in identifiers).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export const hasInvisibleCharacters = (value: string): boolean => INVISIBLE.test(value);

export const INVISIBLE_CHARACTERS_MESSAGE = 'must not contain control, zero-width or bidirectional formatting characters';

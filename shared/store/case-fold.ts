// Fullwidth and halfwidth forms (U+FF00–U+FFEF): "ＡＬＩＣＥ" is "ALICE" drawn wider.
const WIDE_OR_NARROW = /[\uFF00-\uFFEF]/gu;

/**
 * userName and displayName compare case-insensitively (RFC 7643 caseExact=false), as the PRECIS
 * UsernameCaseMapped profile prepares them (RFC 8265 §3.3): fullwidth and halfwidth characters
 * mapped to their decompositions (NFKC, on those characters only: NFKC everywhere would also fold
 * ligatures, superscripts and the like), lower case, then NFC. For names written in plain ASCII
 * this is plain lower case, so keys already stored stay valid.
 */
export const caseFold = (value: string) =>
  value
    .replace(WIDE_OR_NARROW, (character) => character.normalize('NFKC'))
    .toLowerCase()
    .normalize('NFC');

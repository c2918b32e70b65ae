/** userName and displayName compare case-insensitively (RFC 7643 caseExact=false). */
export const caseFold = (value: string) => value.normalize('NFC').toLowerCase();

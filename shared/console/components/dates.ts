/** An ISO time as the console's tables show it, in UTC: the day (`2026-12-01`). */
export const dayOf = (at: string): string => at.slice(0, 10);

/** An ISO time as the console's tables show it, in UTC: day and minute (`2026-12-01 09:15`). */
export const minuteOf = (at: string): string => at.replace('T', ' ').slice(0, 16);

import { invalidValue, RosterError } from '../errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './service-provider-config.js';

export interface ListQuery {
  filter?: string;
  startIndex: number;
  count: number;
  /** RFC 9865: present (possibly empty, meaning "first page") when the client pages by cursor. */
  cursor?: string;
}

/**
 * startIndex/count per RFC 7644 §3.4.2.4: startIndex below 1 means 1, a negative count means 0,
 * a count above the maximum is capped (advertised in ServiceProviderConfig). Non-numbers are 400.
 */
export function parseListQuery(query: Record<string, string | undefined>): ListQuery {
  const cursor = query.cursor;
  if (cursor !== undefined && query.startIndex !== undefined) {
    throw new RosterError(400, 'Use either cursor or startIndex paging, not both.', { scimType: 'invalidValue' });
  }
  return {
    ...(query.filter !== undefined ? { filter: query.filter } : {}),
    startIndex: Math.max(1, integerParameter(query, 'startIndex') ?? 1),
    count: Math.min(MAX_PAGE_SIZE, Math.max(0, integerParameter(query, 'count') ?? DEFAULT_PAGE_SIZE)),
    ...(cursor !== undefined ? { cursor } : {}),
  };
}

function integerParameter(query: Record<string, string | undefined>, name: string): number | undefined {
  const raw = query[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\s*-?\d{1,12}\s*$/.test(raw)) throw invalidValue(`${name} must be an integer.`);
  return Number(raw);
}

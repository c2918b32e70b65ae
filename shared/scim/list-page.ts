import type { ListQuery } from './list-query.js';

export interface Page<T> {
  items: T[];
  totalResults: number;
  nextCursor?: string;
}

/** Where a list's resources come from: a filter's matches, pages in creation order, the count. */
export interface ListSource<T> {
  matching: (filter: string) => Promise<T[]>;
  total: () => Promise<number>;
  byCursor: (cursor: string | undefined, count: number) => Promise<{ items: T[]; nextCursor?: string }>;
  byIndex: (startIndex: number, count: number) => Promise<T[]>;
}

/**
 * One page of a SCIM list: a filter's matches (few, found by key, paged in memory), or the
 * company's resources in creation order by cursor (RFC 9865) or by startIndex, with the total
 * from the resource counter read alongside.
 */
export async function listPage<T>(query: ListQuery, source: ListSource<T>): Promise<Page<T>> {
  if (query.filter !== undefined) {
    const matches = await source.matching(query.filter);
    return { items: matches.slice(query.startIndex - 1, query.startIndex - 1 + query.count), totalResults: matches.length };
  }
  if (query.cursor !== undefined) {
    const [totalResults, page] = await Promise.all([source.total(), source.byCursor(query.cursor || undefined, query.count)]);
    return { items: page.items, totalResults, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }
  if (query.startIndex === 1) {
    const [totalResults, items] = await Promise.all([source.total(), source.byIndex(1, query.count)]);
    return { items, totalResults };
  }
  // A startIndex past the end would walk every key of the list to find nothing, and leave no
  // checkpoint to spare the next request the same walk: the total answers it in one read.
  const totalResults = await source.total();
  if (query.startIndex > totalResults) return { items: [], totalResults };
  return { items: await source.byIndex(query.startIndex, query.count), totalResults };
}

import { RosterError } from '../errors.js';
import { projectAttributes } from './attributes.js';
import type { JsonObject } from './json.js';
import type { ListQuery } from './list-query.js';
import { listResponse } from './list-response.js';
import type { Projection } from './resource-response.js';
import type { ScimContext, ScimResourceType, Versioned } from './resource-type.js';

/** A resource type with its record type erased: what the root search needs of it. */
interface SearchedType {
  matching(filter: string): Promise<unknown[]>;
  total(): Promise<number>;
  byCursor(cursor: string | undefined, count: number): Promise<{ items: unknown[]; nextCursor?: string }>;
  byIndex(startIndex: number, count: number): Promise<unknown[]>;
  render(record: unknown): Promise<JsonObject>;
}

/** The root search's view of one resource type, for one request. */
export async function searchedType<R extends Versioned, Input, Known>(
  type: ScimResourceType<R, Input, Known>,
  context: ScimContext,
  projection: Projection,
): Promise<SearchedType> {
  const source = await type.listSource(context);
  return {
    matching: (filter) => source.matching(filter),
    total: () => source.total(),
    byCursor: (cursor, count) => source.byCursor(cursor, count),
    byIndex: (startIndex, count) => source.byIndex(startIndex, count),
    render: async (record) => projectAttributes(await type.toResource(context, record as R, { projection, inList: true }), projection, type.schema),
  };
}

const invalidCursor = () => new RosterError(400, 'The cursor is not valid for this list.', { scimType: 'invalidCursor' });

/**
 * POST /.search (RFC 7644 §3.4.3): every resource type as one list, the types one after the other
 * (Users, then Groups), each in its own creation order. A filter is run by every type whose filter
 * vocabulary takes it (a `userName` filter finds no group); it is refused only when no type takes
 * it. Each page reads each type's counter and at most one page of each type, like a GET per type.
 */
export async function searchAllTypes(types: readonly SearchedType[], query: ListQuery) {
  const [rendered, totalResults, nextCursor] =
    query.filter !== undefined
      ? await byFilter(types, query.filter, query)
      : query.cursor !== undefined
        ? await byCursor(types, query.cursor, query.count)
        : await byIndex(types, query.startIndex, query.count);
  const resources = await Promise.all(rendered);
  return listResponse(resources, totalResults, query.cursor === undefined ? query.startIndex : undefined, nextCursor);
}

type Found = [Array<Promise<JsonObject>>, number, string?];

async function byFilter(types: readonly SearchedType[], filter: string, query: ListQuery): Promise<Found> {
  const outcomes = await Promise.allSettled(types.map((type) => type.matching(filter)));
  const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  const notAFilterRefusal = refusals.find((reason) => !(reason instanceof RosterError && reason.scimType === 'invalidFilter'));
  if (notAFilterRefusal !== undefined) throw notAFilterRefusal;
  if (refusals.length === types.length) throw refusals[0];
  const matches = outcomes.flatMap((outcome, index) =>
    outcome.status === 'fulfilled' ? outcome.value.map((record) => ({ record, type: types[index]! })) : [],
  );
  const page = matches.slice(query.startIndex - 1, query.startIndex - 1 + query.count);
  return [page.map(({ record, type }) => type.render(record)), matches.length];
}

async function byIndex(types: readonly SearchedType[], startIndex: number, count: number): Promise<Found> {
  const totals = await Promise.all(types.map((type) => type.total()));
  const pages: Array<Promise<Array<Promise<JsonObject>>>> = [];
  let offset = 0;
  let wanted = count;
  types.forEach((type, index) => {
    const total = totals[index]!;
    const start = Math.max(1, startIndex - offset);
    const take = Math.min(wanted, Math.max(0, total - start + 1));
    if (take > 0) {
      pages.push(type.byIndex(start, take).then((records) => records.map((record) => type.render(record))));
      wanted -= take;
    }
    offset += total;
  });
  return [(await Promise.all(pages)).flat(), totals.reduce((sum, total) => sum + total, 0)];
}

/**
 * The cursor is `<type position>.<that type's own cursor>`: the types' cursors already carry
 * their list and are checked by them; an empty own cursor means that type's first page.
 */
async function byCursor(types: readonly SearchedType[], cursor: string, count: number): Promise<Found> {
  const [position, own] = parseCursor(cursor, types.length);
  // A count of 0 asks for the total only (RFC 9865); the position stays where it was.
  if (count === 0) return [[], (await Promise.all(types.map((type) => type.total()))).reduce((sum, value) => sum + value, 0), cursor || undefined];
  const totals = Promise.all(types.map((type) => type.total()));
  const rendered: Array<Promise<JsonObject>> = [];
  let wanted = count;
  let index = position;
  let from: string | undefined = own;
  let next: string | undefined;
  while (index < types.length) {
    const type = types[index]!;
    const page = await type.byCursor(from, wanted);
    rendered.push(...page.items.map((record) => type.render(record)));
    wanted -= page.items.length;
    if (page.nextCursor) {
      next = `${index}.${page.nextCursor}`;
      break;
    }
    index += 1;
    from = undefined;
    if (wanted === 0) {
      if (index < types.length) next = `${index}.`;
      break;
    }
  }
  const total = (await totals).reduce((sum, value) => sum + value, 0);
  return [rendered, total, next];
}

function parseCursor(cursor: string, typeCount: number): [number, string | undefined] {
  if (cursor === '') return [0, undefined];
  const match = /^(\d)\.(.*)$/s.exec(cursor);
  const position = match ? Number(match[1]) : NaN;
  if (!match || position >= typeCount) throw invalidCursor();
  return [position, match[2] || undefined];
}

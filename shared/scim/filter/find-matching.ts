import { RosterError } from '../../errors.js';
import { MAX_FILTER_LOOKUPS } from '../service-provider-config.js';
import type { Filter } from './ast.js';
import { compileFilter } from './evaluate.js';
import { parseFilter } from './parse.js';
import { planFilter, unsupportedFilterError, type LookupAttribute } from './plan.js';
import type { JsonObject } from '../json.js';
import type { ResourceSchema } from '../schema/types.js';

/**
 * A filter runs as key lookups, never as a scan: the plan names lookups whose union holds every
 * match, and the full filter is then evaluated on those few candidates, so the answer is exact.
 * A filter with no such plan is refused (400 invalidFilter) — an empty list would make the client
 * create a duplicate. Results are in id (creation) order.
 */
export async function findMatching<T extends { id: string }>(
  filterText: string,
  schema: ResourceSchema,
  source: {
    lookUp: (attribute: LookupAttribute, value: string) => Promise<T[]>;
    /** The resource the filter is evaluated on (it may need the filter, e.g. to check named members). */
    toResource: (record: T, filter: Filter) => JsonObject | Promise<JsonObject>;
  },
): Promise<T[]> {
  const filter = parseFilter(filterText);
  const plan = planFilter(filter, schema);
  if (plan.kind === 'unsupported') throw unsupportedFilterError(plan.reason, schema);
  if (plan.lookups.length > MAX_FILTER_LOOKUPS) {
    throw new RosterError(400, `The filter needs ${plan.lookups.length} lookups; at most ${MAX_FILTER_LOOKUPS} are allowed (ServiceProviderConfig filter.maxLookups). Split it into several requests.`, {
      scimType: 'tooMany',
    });
  }
  const matches = compileFilter(filter, schema);
  const candidates = new Map<string, T>();
  for (const found of await Promise.all(plan.lookups.map((lookup) => source.lookUp(lookup.attribute, lookup.value)))) {
    for (const record of found) candidates.set(record.id, record);
  }
  const kept: T[] = [];
  for (const record of candidates.values()) if (matches(await source.toResource(record, filter))) kept.push(record);
  return kept.sort((a, b) => (a.id < b.id ? -1 : 1));
}

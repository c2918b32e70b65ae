import { KeyTemplate, type Facets, type FacetValues } from './key-template.js';
import { INDEXES, TTL_ATTRIBUTE, type IndexName, type Key } from './table.js';

export type Item = Record<string, unknown>;

type KindOf<Value> = [Value] extends [string]
  ? 'string'
  : [Value] extends [number]
    ? 'number'
    : [Value] extends [boolean]
      ? 'boolean'
      : [Value] extends [readonly string[]]
        ? 'list' | 'set'
        : never;
type Kind = 'string' | 'number' | 'boolean' | 'list' | 'set' | 'value';

/**
 * How an attribute is stored and read back: `string`, `number`, `boolean`; `list` (stored as is);
 * `set` (a string set, left out while empty, read back sorted); `value` (any document, as is).
 * `default` fills an attribute the item lacks (items written before it existed).
 */
export type Attribute<Value> =
  | KindOf<Exclude<Value, undefined>>
  | 'value'
  | { kind: KindOf<Exclude<Value, undefined>> | 'value'; default: () => Exclude<Value, undefined> };

interface Definition<Stored, PartitionTemplate extends string, SortTemplate extends string> {
  /** The item's `type` attribute. */
  type: string;
  key: { pk: PartitionTemplate; sk: SortTemplate };
  /** Every attribute of the record, in the order the record lists them. */
  attributes: { [Name in keyof Required<Stored>]: Attribute<Stored[Name]> };
  /**
   * The secondary indexes the item populates, as key templates over its attributes. An index
   * whose attributes are missing is left out (the item drops out of that sparse index).
   */
  indexes?: Partial<{ [Name in IndexName]: { pk: string; sk: string } }>;
  /** Facets compared case-insensitively, in the key and in the indexes. */
  caseFolded?: Array<Facets<PartitionTemplate> | Facets<SortTemplate> | (keyof Stored & string)>;
  /** Epoch seconds after which DynamoDB deletes the item. */
  expiresAt?: (record: Stored) => number;
}

/** The parts of an UpdateExpression that write a record's attributes and index keys. */
export interface UpdateParts {
  set: string[];
  remove: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** SET … [ADD …] [REMOVE …], from parts (ADD for counters the caller bumps). */
export function updateExpression(parts: Pick<UpdateParts, 'set' | 'remove'>, add?: string): string {
  return [
    ...(parts.set.length ? [`SET ${parts.set.join(', ')}`] : []),
    ...(add ? [`ADD ${add}`] : []),
    ...(parts.remove.length ? [`REMOVE ${parts.remove.join(', ')}`] : []),
  ].join(' ');
}

/**
 * One item type of the single table, declared once: its attributes, key templates, the indexes it
 * populates and its TTL. Everything else — keys, partitions, sort-key prefixes, the item written,
 * the record read back, the SET/REMOVE of an update — is derived from the declaration.
 * (Call as `defineEntity<RecordType>()({ … })`, so the key templates are inferred.)
 */
export function defineEntity<Stored extends object>() {
  return <PartitionTemplate extends string, SortTemplate extends string>(definition: Definition<Stored, PartitionTemplate, SortTemplate>) =>
    new Entity<Stored, Facets<PartitionTemplate>, Facets<SortTemplate>>(definition);
}

/** Key facets that are not attributes of the record: given beside it when writing an item. */
type ExtraFacets<Stored, Names extends string> = [Exclude<Names, keyof Stored>] extends [never] ? [] : [FacetValues<Exclude<Names, keyof Stored>>];

export class Entity<Stored extends object, PartitionFacet extends string, SortFacet extends string> {
  readonly type: string;
  private readonly pk: KeyTemplate;
  private readonly sk: KeyTemplate;
  private readonly indexes: Array<{ name: IndexName; pk: KeyTemplate; sk: KeyTemplate }>;
  private readonly attributes: Array<[string, Kind, (() => unknown) | undefined]>;
  private readonly expiresAt?: (record: Stored) => number;

  constructor(definition: Definition<Stored, string, string>) {
    const folded = new Set<string>(definition.caseFolded ?? []);
    this.type = definition.type;
    this.pk = new KeyTemplate(definition.key.pk, folded);
    this.sk = new KeyTemplate(definition.key.sk, folded);
    this.indexes = Object.entries(definition.indexes ?? {}).map(([name, index]) => ({
      name: name as IndexName,
      pk: new KeyTemplate(index!.pk, folded),
      sk: new KeyTemplate(index!.sk, folded),
    }));
    this.attributes = Object.entries(definition.attributes as Record<string, Attribute<unknown>>).map(([name, attribute]) =>
      typeof attribute === 'string' ? [name, attribute as Kind, undefined] : [name, attribute.kind as Kind, attribute.default],
    );
    this.expiresAt = definition.expiresAt;
  }

  key(facets: FacetValues<PartitionFacet | SortFacet>): Key {
    return { pk: this.pk.build(facets), sk: this.sk.build(facets) };
  }

  partition(facets: FacetValues<PartitionFacet>): string {
    return this.pk.build(facets);
  }

  /** The sort key up to the first facet not given, for `begins_with`. */
  sortPrefix(facets: Partial<FacetValues<SortFacet>> = {}): string {
    return this.sk.prefix(facets);
  }

  /** The facet values of one of this entity's keys (undefined for another entity's key). */
  parse(key: { pk?: unknown; sk?: unknown }): Record<PartitionFacet | SortFacet, string> | undefined {
    const partition = this.pk.parse(String(key.pk));
    const sort = this.sk.parse(String(key.sk));
    return partition && sort ? ({ ...partition, ...sort } as Record<PartitionFacet | SortFacet, string>) : undefined;
  }

  /** The facet values of one of this entity's sort keys (for items read with the sort key alone). */
  parseSort(sk: unknown): Record<SortFacet, string> | undefined {
    return this.sk.parse(String(sk)) as Record<SortFacet, string> | undefined;
  }

  /** The partition of one of the entity's indexes. */
  indexPartition(index: IndexName, facets: Record<string, string>): string {
    return this.index(index).pk.build(facets);
  }

  /** The index key attributes of the indexes the record populates. */
  indexAttributes(record: Stored): Record<string, string> {
    const values = record as Record<string, unknown>;
    return Object.fromEntries(
      this.indexes
        .filter((index) => index.pk.canBuild(values) && index.sk.canBuild(values))
        .flatMap((index) => [
          [INDEXES[index.name].partition, index.pk.build(values)],
          [INDEXES[index.name].sort, index.sk.build(values)],
        ]),
    );
  }

  /** The sort key of one of the entity's indexes up to the first facet not given, for `begins_with`. */
  indexSortPrefix(index: IndexName, facets: Record<string, string> = {}): string {
    return this.index(index).sk.prefix(facets);
  }

  /** Whether the entity declares a key template for `index`. */
  populates(index: IndexName): boolean {
    return this.indexes.some((candidate) => candidate.name === index);
  }

  /**
   * The index key attributes of `index` for a stored item, from its key and attributes (for
   * writing an index's keys onto items written before the entity populated it); undefined when the
   * item lacks what the index's key needs.
   */
  indexKeyOf(index: IndexName, item: Item): Record<string, string> | undefined {
    const template = this.indexes.find((candidate) => candidate.name === index);
    const values = { ...item, ...this.parse(item) } as Record<string, unknown>;
    if (!template || !template.pk.canBuild(values) || !template.sk.canBuild(values)) return undefined;
    return { [INDEXES[index].partition]: template.pk.build(values), [INDEXES[index].sort]: template.sk.build(values) };
  }

  /** The key attributes of every index this entity populates (to take an item out of all of them). */
  indexAttributeNames(): string[] {
    return this.indexes.flatMap((index) => [INDEXES[index.name].partition, INDEXES[index.name].sort]);
  }

  /** The item that stores `record`: key, type, attributes (sets as sets), index keys, TTL. */
  toItem(record: Stored, ...facets: ExtraFacets<Stored, PartitionFacet | SortFacet>): Item {
    const keyFacets = { ...record, ...facets[0] } as FacetValues<PartitionFacet | SortFacet>;
    const attributes: Item = { ...(record as Item) };
    for (const [name, kind] of this.attributes) {
      if (kind === 'set') {
        const values = attributes[name] as string[] | undefined;
        if (values?.length) attributes[name] = new Set(values);
        else delete attributes[name];
      }
    }
    return {
      ...this.key(keyFacets),
      type: this.type,
      ...attributes,
      ...this.indexAttributes(record),
      ...(this.expiresAt ? { [TTL_ATTRIBUTE]: this.expiresAt(record) } : {}),
    };
  }

  /** The record an item stores: declared attributes only, read by their kind; missing ones left out or defaulted. */
  fromItem(item: Item): Stored {
    const record: Item = {};
    for (const [name, kind, fallback] of this.attributes) {
      const value = item[name];
      if (value === undefined || value === null) {
        if (fallback) record[name] = fallback();
      } else {
        record[name] = read(kind, value);
      }
    }
    return record as Stored;
  }

  /** Whether an item (of a shared partition) is one of this entity's. */
  is(item: Item): boolean {
    return item.type === this.type;
  }

  /** An update that writes the named attributes of `values`: SET when present, REMOVE when not. */
  update<Name extends keyof Stored & string>(values: Pick<Stored, Name>, names: Name[]): UpdateParts {
    return assignments(names.map((name) => [name, (values as Record<string, unknown>)[name]]));
  }

  /**
   * `update` plus every index key of the whole record: SET for the indexes it populates, REMOVE
   * for the others (so it drops out of a sparse index when an attribute goes).
   */
  updateWithIndexes(record: Stored, names: Array<keyof Stored & string>): UpdateParts {
    const index = this.indexAttributes(record);
    const values = record as Record<string, unknown>;
    return assignments([...names.map((name): [string, unknown] => [name, values[name]]), ...this.indexAttributeNames().map((name): [string, unknown] => [name, index[name]])]);
  }

  private index(name: IndexName) {
    const index = this.indexes.find((candidate) => candidate.name === name);
    if (!index) throw new Error(`${this.type} items are not in the ${name} index`);
    return index;
  }
}

function assignments(attributes: Array<[string, unknown]>): UpdateParts {
  const parts: UpdateParts = { set: [], remove: [], names: {}, values: {} };
  for (const [name, value] of attributes) {
    parts.names[`#${name}`] = name;
    if (value === undefined) {
      parts.remove.push(`#${name}`);
    } else {
      parts.set.push(`#${name} = :${name}`);
      parts.values[`:${name}`] = value;
    }
  }
  return parts;
}

function read(kind: Kind, value: unknown): unknown {
  switch (kind) {
    case 'string':
      return String(value);
    case 'number':
      return Number(value);
    case 'boolean':
      return Boolean(value);
    case 'set':
      return value instanceof Set ? [...(value as Set<string>)].sort() : value;
    default:
      return value;
  }
}

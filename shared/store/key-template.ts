import { caseFold } from './case-fold.js';

/** The names in a key template: `T#{tenantId}#U#{id}` → 'tenantId' | 'id'. */
export type Facets<Template extends string> = Template extends `${string}{${infer Name}}${infer Rest}` ? Name | Facets<Rest> : never;
export type FacetValues<Names extends string> = { [Name in Names]: string | number };

const FACET = /\{(\w+)\}/g;

/**
 * A key value written as a template (`T#{tenantId}#G#{groupId}`): built from named values, cut
 * short to a prefix for `begins_with`, and read back. Facets named in `folded` are case-folded.
 */
export class KeyTemplate {
  readonly facets: string[];
  private readonly pattern: RegExp;

  constructor(readonly template: string, private readonly folded: ReadonlySet<string> = new Set()) {
    this.facets = [...template.matchAll(FACET)].map((match) => match[1]!);
    const literal = template.split(FACET).map((part, index) => (index % 2 ? '(.*)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    this.pattern = new RegExp(`^${literal.join('')}$`);
  }

  /** True when every facet has a non-empty value (an optional index is populated only then). */
  canBuild(values: Record<string, unknown>): boolean {
    return this.facets.every((name) => values[name] !== undefined && values[name] !== null && values[name] !== '');
  }

  build(values: Record<string, unknown>): string {
    return this.template.replace(FACET, (_, name: string) => {
      const value = values[name];
      if (value === undefined || value === null) throw new Error(`Key ${this.template} needs ${name}`);
      return this.folded.has(name) ? caseFold(String(value)) : String(value);
    });
  }

  /** The template up to its first facet without a value: `{kind}#{shard}` with a kind → `users#`. */
  prefix(values: Record<string, unknown>): string {
    const missing = this.facets.find((name) => values[name] === undefined);
    const cut = missing === undefined ? this.template.length : this.template.indexOf(`{${missing}}`);
    return new KeyTemplate(this.template.slice(0, cut), this.folded).build(values);
  }

  /** The facet values of a key built from this template (the first facets take the longest match). */
  parse(value: string): Record<string, string> | undefined {
    const match = this.pattern.exec(value);
    return match ? Object.fromEntries(this.facets.map((name, index) => [name, match[index + 1]!])) : undefined;
  }
}

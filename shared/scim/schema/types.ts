/** Attribute characteristics exactly as RFC 7643 section 7 serves them from GET /Schemas. */
export type AttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex' | 'binary';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';
export type Uniqueness = 'none' | 'server' | 'global';

export interface AttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly description: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: Uniqueness;
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly subAttributes?: readonly AttributeDefinition[];
}

/** An RFC 7643 "Schema" resource without `schemas`/`meta`, which the discovery endpoint adds (meta.location needs the base URL). */
export interface SchemaDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly AttributeDefinition[];
}

/** The schemas one resource type is made of: its core schema and the extensions it may carry. */
export interface ResourceSchema {
  /** The resource type name, e.g. "User". */
  readonly name: string;
  readonly core: SchemaDefinition;
  readonly extensions: readonly SchemaDefinition[];
}

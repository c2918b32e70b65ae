import type { AttributeDefinition } from './types.js';

type Characteristics = Partial<Omit<AttributeDefinition, 'name' | 'description'>>;

/** Fills in the RFC 7643 section 2.2 defaults so each definition only states what differs from them. */
export function defineAttribute(name: string, description: string, characteristics: Characteristics = {}): AttributeDefinition {
  return {
    name,
    type: characteristics.subAttributes ? 'complex' : 'string',
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...characteristics,
  };
}

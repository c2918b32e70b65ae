import { defineAttribute } from './define-attribute.js';

/**
 * RFC 7643 section 3.1 common attributes. `id` and `externalId` are listed in every core schema we
 * serve; `schemas` and `meta` are known to path lookup only, as RFC 7643 section 8.7 leaves them out
 * of the schema representations.
 */
// `required` means "a client must send it" (RFC 7644 PUT), and clients never send the server-assigned id.
export const ID_ATTRIBUTE = defineAttribute('id', 'Unique identifier for the resource, assigned by the service provider.', {
  caseExact: true,
  mutability: 'readOnly',
  returned: 'always',
  uniqueness: 'server',
});

// Unique per tenant because the store enforces it (DESIGN: uniqueness markers), though RFC 7643 says "none".
export const EXTERNAL_ID_ATTRIBUTE = defineAttribute('externalId', 'Identifier of the resource as defined by the provisioning client.', {
  caseExact: true,
  uniqueness: 'server',
});

const readOnlyMeta = { mutability: 'readOnly', caseExact: true } as const;

export const META_ATTRIBUTE = defineAttribute('meta', 'Resource metadata.', {
  mutability: 'readOnly',
  subAttributes: [
    defineAttribute('resourceType', 'Name of the resource type of the resource.', readOnlyMeta),
    defineAttribute('created', 'When the resource was added to the service provider.', { ...readOnlyMeta, type: 'dateTime' }),
    defineAttribute('lastModified', 'When the resource was last updated.', { ...readOnlyMeta, type: 'dateTime' }),
    defineAttribute('location', 'URI of the resource.', { ...readOnlyMeta, type: 'reference', referenceTypes: ['uri'] }),
    defineAttribute('version', 'Version (ETag) of the resource.', readOnlyMeta),
  ],
});

// The server derives `schemas` from the extensions a resource carries, so clients cannot patch it.
export const SCHEMAS_ATTRIBUTE = defineAttribute('schemas', 'URIs of the schemas the resource conforms to.', {
  type: 'reference',
  referenceTypes: ['uri'],
  multiValued: true,
  caseExact: true,
  mutability: 'readOnly',
  returned: 'always',
});

/** Core-namespace attributes that exist on every resource without being part of a served schema. */
export const IMPLICIT_COMMON_ATTRIBUTES = [SCHEMAS_ATTRIBUTE, META_ATTRIBUTE] as const;

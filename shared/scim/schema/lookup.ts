import { parseAttributePath, type AttributePath } from '../attribute-path.js';
import { IMPLICIT_COMMON_ATTRIBUTES } from './common-attributes.js';
import type { AttributeDefinition, ResourceSchema, SchemaDefinition } from './types.js';

/** What an attribute path designates within a resource type: a whole schema (extension) or one attribute. */
export type ResolvedPath =
  | { readonly kind: 'schema'; readonly schema: SchemaDefinition }
  | {
      readonly kind: 'attribute';
      readonly schema: SchemaDefinition;
      readonly attribute: AttributeDefinition;
      readonly subAttribute?: AttributeDefinition;
    };

export type ResolvedAttribute = Extract<ResolvedPath, { kind: 'attribute' }>;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function findSchema(resourceSchema: ResourceSchema, urn: string): SchemaDefinition | undefined {
  return [resourceSchema.core, ...resourceSchema.extensions].find((schema) => sameName(schema.id, urn));
}

export function findExtension(resourceSchema: ResourceSchema, urn: string): SchemaDefinition | undefined {
  return resourceSchema.extensions.find((schema) => sameName(schema.id, urn));
}

export const isCoreSchema = (resourceSchema: ResourceSchema, schema: SchemaDefinition) => schema === resourceSchema.core;

export function findSubAttribute(attribute: AttributeDefinition, name: string): AttributeDefinition | undefined {
  return attribute.subAttributes?.find((sub) => sameName(sub.name, name));
}

/** The attributes addressable in a schema's namespace: the core one also holds `schemas` and `meta`. */
export function attributesOf(resourceSchema: ResourceSchema, schema: SchemaDefinition): readonly AttributeDefinition[] {
  return isCoreSchema(resourceSchema, schema) ? [...schema.attributes, ...IMPLICIT_COMMON_ATTRIBUTES] : schema.attributes;
}

export function findAttribute(
  resourceSchema: ResourceSchema,
  schema: SchemaDefinition,
  name: string,
): AttributeDefinition | undefined {
  return attributesOf(resourceSchema, schema).find((attribute) => sameName(attribute.name, name));
}

/**
 * Resolves an attribute path case-insensitively; an unprefixed name belongs to the core schema.
 * Returns undefined for unknown schemas, attributes or sub-attributes.
 */
export function resolveAttributePath(resourceSchema: ResourceSchema, path: AttributePath | string): ResolvedPath | undefined {
  if (typeof path === 'string') {
    const parsed = parseAttributePath(path);
    return parsed && resolveAttributePath(resourceSchema, parsed);
  }
  const schema = path.schema === undefined ? resourceSchema.core : findSchema(resourceSchema, path.schema);
  if (!schema) {
    // A bare URN parses as schema "urn:…:2.0" + attribute "User"; only the schema list can tell them apart.
    const wholeSchema =
      path.schema !== undefined && path.subAttribute === undefined
        ? findSchema(resourceSchema, `${path.schema}:${path.attribute}`)
        : undefined;
    return wholeSchema && { kind: 'schema', schema: wholeSchema };
  }
  const attribute = findAttribute(resourceSchema, schema, path.attribute);
  if (!attribute) return undefined;
  if (path.subAttribute === undefined) return { kind: 'attribute', schema, attribute };
  const subAttribute = findSubAttribute(attribute, path.subAttribute);
  return subAttribute && { kind: 'attribute', schema, attribute, subAttribute };
}

/** The canonical spelling of a resolved path: `emails.value`, or `urn:…:User:manager.value` for extensions. */
export function canonicalPath(resourceSchema: ResourceSchema, resolved: ResolvedPath): string {
  if (resolved.kind === 'schema') return resolved.schema.id;
  const prefix = isCoreSchema(resourceSchema, resolved.schema) ? '' : `${resolved.schema.id}:`;
  const suffix = resolved.subAttribute ? `.${resolved.subAttribute.name}` : '';
  return `${prefix}${resolved.attribute.name}${suffix}`;
}

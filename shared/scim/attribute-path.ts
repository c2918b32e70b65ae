/**
 * RFC 7644 attrPath = [URI ":"] ATTRNAME *1subAttr, e.g. `name.givenName` or
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`.
 * Syntax only: whether the names exist is for schema/lookup.ts to say.
 */
export interface AttributePath {
  /** The schema URN prefix as written, if any. */
  readonly schema?: string;
  readonly attribute: string;
  readonly subAttribute?: string;
}

const ATTRIBUTE_NAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|\$ref)$/;
const SCHEMA_URN = /^urn:[A-Za-z0-9][A-Za-z0-9-]*:\S+$/i;

export const isAttributeName = (text: string): boolean => ATTRIBUTE_NAME.test(text);

export function parseAttributePath(text: string): AttributePath | undefined {
  // Attribute names never contain ":", while URNs contain "." ("2.0"), so the URN ends at the last colon.
  const colon = text.lastIndexOf(':');
  const schema = colon < 0 ? undefined : text.slice(0, colon);
  if (schema !== undefined && !SCHEMA_URN.test(schema)) return undefined;
  const names = text.slice(colon + 1).split('.');
  const [attribute, subAttribute, ...rest] = names;
  if (attribute === undefined || !isAttributeName(attribute) || rest.length > 0) return undefined;
  if (subAttribute !== undefined && !isAttributeName(subAttribute)) return undefined;
  return {
    ...(schema === undefined ? {} : { schema }),
    attribute,
    ...(subAttribute === undefined ? {} : { subAttribute }),
  };
}

export function formatAttributePath(path: AttributePath): string {
  const prefix = path.schema === undefined ? '' : `${path.schema}:`;
  const suffix = path.subAttribute === undefined ? '' : `.${path.subAttribute}`;
  return `${prefix}${path.attribute}${suffix}`;
}

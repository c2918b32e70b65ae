import type { HttpResult } from '../http/types.js';
import { parseAttributeList, projectAttributes } from './attributes.js';
import type { ResourceSchema } from './schema/types.js';

export interface Projection {
  attributes?: string[];
  excludedAttributes?: string[];
}

/** `attributes` / `excludedAttributes` query parameters (RFC 7644 §3.9). */
export function projectionOf(query: Record<string, string | undefined>): Projection {
  const attributes = parseAttributeList(query.attributes);
  const excludedAttributes = parseAttributeList(query.excludedAttributes);
  return {
    ...(attributes.length ? { attributes } : {}),
    ...(excludedAttributes.length ? { excludedAttributes } : {}),
  };
}

/** A single-resource answer: projected body, ETag, and Location on creation. */
export function resourceResult(
  resource: Record<string, unknown> & { meta?: unknown },
  status: 200 | 201,
  projection: Projection,
  schema: ResourceSchema,
): HttpResult {
  const meta = resource.meta as { version: string; location: string };
  return {
    status,
    headers: { etag: meta.version, ...(status === 201 ? { location: meta.location } : {}) },
    body: projectAttributes(resource, projection, schema),
  };
}

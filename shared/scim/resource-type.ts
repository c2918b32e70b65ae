import type { Principal } from '../auth/principal.js';
import type { JsonObject } from './json.js';
import type { ListSource } from './list-page.js';
import type { Projection } from './resource-response.js';
import type { ResourceSchema } from './schema/types.js';

/** Who asks, and where the API lives (for meta.location and $ref). */
export interface ScimContext {
  principal: Principal;
  baseUrl: string;
}

/** A stored resource as the endpoint needs it: an id and a version (the ETag). */
export interface Versioned {
  id: string;
  version: number;
}

/**
 * One SCIM resource type for the generic endpoint: the SCIM body ↔ typed domain input and output,
 * and which domain operation each method calls. `Known` is what a create already knows about
 * the new resource that a read would otherwise fetch again (a group's members).
 */
export interface ScimResourceType<R extends Versioned, Input, Known = never> {
  /** The name in error messages: "User", "Group". */
  name: 'User' | 'Group';
  schema: ResourceSchema;
  /**
   * A POST or PUT body → the typed input (400 on anything invalid). Asynchronous: the body schema
   * (zod) loads with the first request that has a body to check, not at the function's init.
   */
  parse(body: unknown): Promise<Input>;
  /** The resource, or 404. */
  read(context: ScimContext, id: string): Promise<R>;
  create(context: ScimContext, input: Input): Promise<{ record: R; known?: Known }>;
  replace(context: ScimContext, previous: R, input: Input, expectedVersion: number | undefined): Promise<R>;
  /**
   * Parses the PatchOp body, then applies it. `current` reads the resource and checks If-Match;
   * a PATCH that can be written without reading (a deactivation) need not call it.
   */
  patch(context: ScimContext, id: string, body: unknown, current: () => Promise<R>, expectedVersion: number | undefined): Promise<R>;
  remove(context: ScimContext, previous: R, expectedVersion: number | undefined): Promise<void>;
  /**
   * The company's resources: by filter, by cursor, by startIndex, and their count. Asynchronous:
   * the listing code (the filter parser, paging) loads with the first list or search.
   */
  listSource(context: ScimContext): Promise<ListSource<R>>;
  /**
   * The SCIM resource, before projection. `inList` and `projection` let a type leave out what is
   * expensive to read and not asked for.
   */
  toResource(context: ScimContext, record: R, shape: { projection: Projection; inList: boolean; known?: Known }): Promise<JsonObject>;
  /** A PATCH answers 204 (RFC 7644 §3.5.2) unless attributes or excludedAttributes ask for the resource. */
  patchAnswersNoContent?: boolean;
}

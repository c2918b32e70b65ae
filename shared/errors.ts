/**
 * The one error type of Roster. It carries the HTTP status and, for SCIM routes, the RFC 7644
 * `scimType` (section 3.12, table 9). The http layer turns it into SCIM Error JSON on SCIM routes
 * and into `{"error": {code, message, details}}` on admin routes; nothing else formats errors.
 */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive'
  | 'invalidCursor'
  | 'expiredCursor';

export interface RosterErrorOptions {
  scimType?: ScimType;
  /** Machine-readable code for admin API errors; defaults from the status. */
  code?: string;
  /** Structured details for the admin API (never shown on SCIM routes). */
  details?: unknown;
  /** Extra response headers, e.g. Retry-After on 429/503. */
  headers?: Record<string, string>;
  cause?: unknown;
}

const defaultCodes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  500: 'internal_error',
  501: 'not_implemented',
  503: 'service_unavailable',
};

export class RosterError extends Error {
  readonly status: number;
  readonly scimType?: ScimType;
  readonly code: string;
  readonly details?: unknown;
  readonly headers: Record<string, string>;

  constructor(status: number, detail: string, options: RosterErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RosterError';
    this.status = status;
    this.scimType = options.scimType;
    this.code = options.code ?? defaultCodes[status] ?? 'error';
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  get detail(): string {
    return this.message;
  }
}

export const badRequest = (detail: string, scimType?: ScimType, details?: unknown) =>
  new RosterError(400, detail, { scimType, details });
export const invalidFilter = (detail: string) => new RosterError(400, detail, { scimType: 'invalidFilter' });
export const invalidSyntax = (detail: string) => new RosterError(400, detail, { scimType: 'invalidSyntax' });
export const invalidValue = (detail: string, details?: unknown) =>
  new RosterError(400, detail, { scimType: 'invalidValue', details });
export const invalidPath = (detail: string) => new RosterError(400, detail, { scimType: 'invalidPath' });
export const noTarget = (detail: string) => new RosterError(400, detail, { scimType: 'noTarget' });
export const mutability = (detail: string) => new RosterError(400, detail, { scimType: 'mutability' });
export const unauthorized = (detail = 'A valid bearer token is required.') => new RosterError(401, detail);
export const forbidden = (detail: string) => new RosterError(403, detail);
export const notFound = (detail: string) => new RosterError(404, detail);
export const conflict = (detail: string, scimType: ScimType = 'uniqueness') =>
  new RosterError(409, detail, { scimType });
export const preconditionFailed = (detail: string) => new RosterError(412, detail);
export const isRosterError = (value: unknown): value is RosterError => value instanceof RosterError;

import { createHash, timingSafeEqual } from 'node:crypto';
import { config } from '../../config.js';
import { invalidClient, oauthError } from './errors.js';

type Params = Record<string, string | undefined>;

/**
 * The one OAuth client (Okta), the same for every company: the company comes from the admin who
 * consented. The secret is compared as SHA-256 digests with timingSafeEqual, against the hash in
 * the configuration, so neither its value nor its length leaks through timing.
 */
export function isKnownClientId(clientId: string | undefined): boolean {
  return clientId !== undefined && digestsEqual(sha256(clientId), sha256(config().OAUTH_CLIENT_ID));
}

/** Client authentication (RFC 6749 §2.3.1): HTTP Basic or client_id + client_secret in the body, not both. */
export function authenticateClient(authorization: string | undefined, form: Params): string {
  const basic = basicCredentials(authorization);
  if (basic && form.client_secret !== undefined) {
    throw oauthError('invalid_request', 'Authenticate the client with HTTP Basic or with client_secret in the body, not both.');
  }
  const clientId = basic?.id ?? form.client_id;
  const secret = basic?.secret ?? form.client_secret;
  if (basic && form.client_id !== undefined && form.client_id !== basic.id) throw invalidClient();
  if (clientId === undefined || secret === undefined) throw invalidClient();
  const expectedSecret = config().OAUTH_CLIENT_SECRET_SHA256;
  const secretMatches = expectedSecret !== undefined && digestsEqual(sha256(secret), Buffer.from(expectedSecret, 'hex'));
  // Both comparisons always run, so the time taken does not say which one failed.
  const idMatches = isKnownClientId(clientId);
  if (!(idMatches && secretMatches)) throw invalidClient();
  return clientId;
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^\s*Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw invalidClient();
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

/** RFC 6749 §2.3.1 form-encodes id and secret before Base64; clients that do not are read as-is. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();
const digestsEqual = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

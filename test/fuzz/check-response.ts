import { OAUTH_ERROR_CODES } from '../../shared/auth/oauth/errors.js';
import { ERROR as SCIM_ERROR } from '../../shared/scim/schema/urns.js';
import { FUZZ_REDIRECT_URI } from './arbitraries/oauth.js';
import type { FuzzRequest, FuzzResponse } from './request.js';

const SCIM_TYPES = ['invalidFilter', 'tooMany', 'uniqueness', 'mutability', 'invalidSyntax', 'invalidPath', 'noTarget', 'invalidValue', 'invalidVers', 'sensitive', 'invalidCursor', 'expiredCursor'];
const OKTA_CALLBACK = /^https:\/\/system-admin\.(okta|oktapreview|okta-emea|trexcloud)\.com\/admin\/app\/cpc\/[^/?#]+\/oauth\/callback$/;

/** What must never be in a body: stack frames, source paths, store internals, SDK error names. */
const LEAKS: Array<[string, RegExp]> = [
  ['a stack frame', /\n\s+at \S.*\(?.*:\d+:\d+\)?/],
  ['a source path', /(?:\/[\w.@-]+)+\.(?:ts|js|mjs|cjs)\b/],
  ['a source path', /node_modules|file:\/\//],
  ['a DynamoDB key', /\bT#t-[0-9a-f-]{8,}|TOKEN#|OAUTH#|#UNIQUE\b|#USER\b|#GROUP\b|gsi[1-4](pk|sk)\b/],
  ['an SDK error', /ValidationException|ConditionalCheckFailed|TransactionCanceled|ProvisionedThroughput|ResourceNotFoundException|\$metadata/],
  ['an internal error', /RangeError|TypeError|ReferenceError|SyntaxError: Unexpected|Maximum call stack/],
];

/**
 * Every way a response can be wrong, as readable lines (empty when it is fine): 5xx, a poisoned
 * request that succeeded, an error that is not the API's error format, or a leak.
 * `secrets` (the fixture's tokens) must never be echoed back.
 */
export function responseProblems(request: FuzzRequest, response: FuzzResponse, secrets: readonly string[]): string[] {
  const problems: string[] = [];
  if (response.status === 0) return [`no response: ${response.text}`];
  if (response.status >= 500) problems.push(`${response.status} answered`);
  if (request.poison && response.status < 400) problems.push(`succeeded (${response.status}) although poisoned with ${request.poison}`);
  // Error bodies only: a success may return what an earlier request stored, however odd.
  const sent = `${decoded(request.path)} ${typeof request.body === 'string' ? request.body : ''}`;
  for (const [what, pattern] of response.status >= 400 ? LEAKS : []) {
    const found = pattern.exec(response.text);
    if (found && !sent.includes(found[0])) problems.push(`body leaks ${what}: ${JSON.stringify(found[0])}`);
  }
  for (const secret of secrets) if (response.text.includes(secret)) problems.push('body echoes a token');
  const check = request.api === 'scim' ? scimProblems : request.api === 'admin' ? adminProblems : request.api === 'console' ? consoleProblems : oauthProblems;
  return [...problems, ...check(request, response)];
}

/** The path as the server reads it (percent-decoded where it can be). */
function decoded(path: string): string {
  return path.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function json(response: FuzzResponse): any {
  try {
    return JSON.parse(response.text);
  } catch {
    return undefined;
  }
}

const header = (response: FuzzResponse, name: string) => response.headers.get(name) ?? '';

/** Retry-After on 429/503 must be an integer number of seconds (Okta retries only then). */
function retryAfterProblems(response: FuzzResponse): string[] {
  if (response.status !== 429 && response.status !== 503) return [];
  return /^\d+$/.test(header(response, 'retry-after')) ? [] : [`${response.status} without an integer Retry-After`];
}

function scimProblems(_request: FuzzRequest, response: FuzzResponse): string[] {
  if (response.status === 204 || response.status === 304) return response.text ? ['a body on 204/304'] : [];
  const body = json(response);
  if (!/^application\/scim\+json/.test(header(response, 'content-type'))) return [`content-type ${header(response, 'content-type')} is not application/scim+json`];
  if (body === undefined) return ['the body is not JSON'];
  if (response.status < 400) return [];
  const problems: string[] = [];
  if (JSON.stringify(body.schemas) !== JSON.stringify([SCIM_ERROR])) problems.push('error without the SCIM Error schema');
  if (body.status !== String(response.status)) problems.push(`error status ${JSON.stringify(body.status)} ≠ "${response.status}"`);
  if (typeof body.detail !== 'string' || body.detail.trim() === '') problems.push('error without a detail');
  if (body.scimType !== undefined && !SCIM_TYPES.includes(body.scimType)) problems.push(`unknown scimType ${JSON.stringify(body.scimType)}`);
  if (response.status === 401 && !header(response, 'www-authenticate')) problems.push('401 without WWW-Authenticate');
  return [...problems, ...retryAfterProblems(response)];
}

function adminProblems(_request: FuzzRequest, response: FuzzResponse): string[] {
  if (response.status === 204) return response.text ? ['a body on 204'] : [];
  const body = json(response);
  if (!/^application\/json/.test(header(response, 'content-type'))) return [`content-type ${header(response, 'content-type')} is not application/json`];
  if (body === undefined) return ['the body is not JSON'];
  if (response.status < 400) return [];
  const error = body.error;
  const problems: string[] = [];
  if (Object.keys(body).join() !== 'error' || typeof error !== 'object' || error === null) return ['not {"error": {…}}'];
  for (const field of ['code', 'message', 'requestId']) {
    if (typeof error[field] !== 'string' || error[field].trim() === '') problems.push(`error.${field} missing or empty`);
  }
  return [...problems, ...retryAfterProblems(response)];
}

function oauthProblems(request: FuzzRequest, response: FuzzResponse): string[] {
  const page = request.routeKey.endsWith('/authorize');
  if (page && response.status === 302) {
    const location = header(response, 'location');
    const target = location.split('?')[0]!;
    return target === FUZZ_REDIRECT_URI || OKTA_CALLBACK.test(target) ? [] : [`redirects to a URI that is not allowed: ${location.slice(0, 200)}`];
  }
  if (page) {
    const isHtml = /^text\/html/.test(header(response, 'content-type')) && response.text.startsWith('<!doctype html>');
    return isHtml && [200, 400, 401, 403, 404, 413, 429, 503].includes(response.status) ? [] : [`page answered ${response.status} ${header(response, 'content-type')}`];
  }
  if (!/^application\/json/.test(header(response, 'content-type'))) return [`content-type ${header(response, 'content-type')} is not application/json`];
  if (response.status === 200) return request.routeKey.endsWith('/token') && typeof json(response)?.access_token !== 'string' ? ['200 without an access_token'] : [];
  const body = json(response);
  const problems: string[] = [];
  if (!body || !(OAUTH_ERROR_CODES as readonly string[]).includes(body.error)) problems.push(`error ${JSON.stringify(body?.error)} is not an RFC 6749 code`);
  if (body && body.error_description !== undefined && typeof body.error_description !== 'string') problems.push('error_description is not a string');
  if (response.status === 401 && !header(response, 'www-authenticate')) problems.push('401 without WWW-Authenticate');
  return [...problems, ...retryAfterProblems(response)];
}

/** Console pages answer HTML (never JSON or text), or redirect within the site. */
function consoleProblems(_request: FuzzRequest, response: FuzzResponse): string[] {
  if (response.status === 303) {
    const location = header(response, 'location');
    return location.startsWith('/console') ? [] : [`redirects off the console: ${location.slice(0, 200)}`];
  }
  const isHtml = /^text\/html/.test(header(response, 'content-type')) && response.text.startsWith('<!doctype html>');
  return isHtml ? retryAfterProblems(response) : [`page answered ${response.status} ${header(response, 'content-type')}`];
}

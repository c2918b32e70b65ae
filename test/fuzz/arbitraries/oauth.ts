import fc from 'fast-check';
import { LOCAL_OAUTH_CLIENT } from '../../../shared/config.js';
import { hostileString, headerSafeString } from './strings.js';

export const FUZZ_REDIRECT_URI = 'http://127.0.0.1:9/admin/app/cpc/roster_fuzz/oauth/callback';

const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined, freq: 3 });
/** Mostly the value a real client sends, so the flow gets past its first checks; now and then anything. */
const mostly = <T>(value: T, other: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(value), weight: 4 }, { arbitrary: other, weight: 1 });
const redirectUri = fc.oneof(
  fc.constantFrom(
    FUZZ_REDIRECT_URI,
    'https://system-admin.okta.com/admin/app/cpc/roster_fuzz/oauth/callback',
    'https://evil.example/admin/app/cpc/x/oauth/callback',
    'https://system-admin.okta.com.evil.example/admin/app/cpc/x/oauth/callback',
    'https://system-admin.okta.com/admin/app/cpc/../../evil/oauth/callback',
    'javascript:alert(1)',
    'http://127.0.0.1:9/admin/app/cpc/x/oauth/callback#frag',
    '//evil.example',
  ),
  hostileString,
);
const challenge = fc.oneof(fc.base64String({ minLength: 43, maxLength: 44 }).map((value) => value.replace(/[+/=]/g, 'A').slice(0, 43)), hostileString);

/** Parameters of the authorization request and of the sign-in and consent forms. */
export function authorizeParameters(adminToken: string, connectionIds: readonly string[]): fc.Arbitrary<Record<string, string | undefined>> {
  return fc.record({
    response_type: maybe(mostly('code', fc.oneof(fc.constantFrom('token', 'CODE'), hostileString))),
    client_id: maybe(mostly(LOCAL_OAUTH_CLIENT.id, hostileString)),
    redirect_uri: maybe(mostly(FUZZ_REDIRECT_URI, redirectUri)),
    state: maybe(fc.oneof(hostileString, fc.integer({ min: 1_990, max: 2_010 }).map((length) => 's'.repeat(length)))),
    code_challenge: maybe(challenge),
    code_challenge_method: maybe(fc.oneof(fc.constantFrom('S256', 'plain'), hostileString)),
    admin_token: maybe(fc.oneof(fc.constant(adminToken), fc.constant(`${adminToken}x`), hostileString)),
    decision: maybe(fc.oneof(fc.constantFrom('continue', 'allow', 'deny'), hostileString)),
    consent_ticket: maybe(fc.oneof(fc.constant('roster_consent_x'), hostileString)),
    connection: maybe(fc.oneof(fc.constant('new'), ...(connectionIds.length ? [fc.constantFrom(...connectionIds)] : []), hostileString)),
    connection_name: maybe(hostileString),
  });
}

/** Parameters of the token endpoint. */
export const tokenParameters: fc.Arbitrary<Record<string, string | undefined>> = fc.record({
  grant_type: maybe(fc.oneof(fc.constantFrom('authorization_code', 'refresh_token', 'client_credentials', 'password'), hostileString)),
  code: maybe(fc.oneof(fc.constant('roster_code_x'), hostileString)),
  redirect_uri: maybe(redirectUri),
  code_verifier: maybe(challenge),
  refresh_token: maybe(fc.oneof(fc.constant('roster_refresh_x'), hostileString)),
  client_id: maybe(fc.oneof(fc.constant(LOCAL_OAUTH_CLIENT.id), hostileString)),
  client_secret: maybe(fc.oneof(fc.constant('wrong-secret'), hostileString)),
});

/** Parameters of the revocation endpoint. */
export const revokeParameters: fc.Arbitrary<Record<string, string | undefined>> = fc.record({
  token: maybe(fc.oneof(fc.constantFrom('roster_access_x', 'roster_refresh_x'), hostileString)),
  token_type_hint: maybe(fc.oneof(fc.constantFrom('access_token', 'refresh_token'), hostileString)),
  client_id: maybe(fc.oneof(fc.constant(LOCAL_OAUTH_CLIENT.id), hostileString)),
});

const basic = (value: string) => `Basic ${Buffer.from(value, 'utf8').toString('base64')}`;

/** Client authentication headers: the right one, wrong secrets, broken encodings, none. */
export const clientAuthorization: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(basic(`${LOCAL_OAUTH_CLIENT.id}:${LOCAL_OAUTH_CLIENT.secret}`)),
  fc.constant(basic(`${LOCAL_OAUTH_CLIENT.id}:wrong`)),
  fc.constant(basic('no-colon')),
  fc.constantFrom('Basic', 'Basic !!!', 'Basic %%%', 'Bearer x', 'Basic =', `Basic ${'A'.repeat(3_000)}`),
  // At most 500 characters: API Gateway refuses headers over 10 KB before Roster sees them.
  hostileString.map((value) => basic(`${LOCAL_OAUTH_CLIENT.id}:${[...value].slice(0, 500).join('')}`)),
  headerSafeString,
);

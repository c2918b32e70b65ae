import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifierMatches } from '../../../shared/auth/oauth/pkce.js';
import { allowedRedirectUri } from '../../../shared/auth/oauth/redirect-uris.js';
import { LOCAL_OAUTH_CLIENT, loadConfig, resetConfigForTests } from '../../../shared/config.js';
import { escapeHtml, html } from '../../../shared/http/html.js';

// The allow-list reads the configuration on use: Okta's defaults, loopback off (as deployed).
beforeAll(() => {
  process.env.TABLE_NAME ??= 'unit';
  delete process.env.OAUTH_ALLOW_LOOPBACK_REDIRECTS;
  resetConfigForTests();
});

describe('redirect URI allow-list', () => {
  it("allows Okta's callback on each Okta domain, naming the app", () => {
    for (const domain of ['okta.com', 'oktapreview.com', 'okta-emea.com', 'trexcloud.com']) {
      expect(allowedRedirectUri(`https://system-admin.${domain}/admin/app/cpc/roster_v3/oauth/callback`)).toEqual({ appName: 'roster_v3' });
    }
  });

  it('refuses anything else, loopback included when it is not switched on', () => {
    for (const uri of [
      'http://system-admin.okta.com/admin/app/cpc/a/oauth/callback',
      'https://system-admin.okta.com/admin/app/cpc/a/oauth/callback?x=1',
      'https://system-admin.okta.com/admin/app/cpc/a/oauth/callback#x',
      'https://system-admin.okta.com/admin/app/cpc/a/b/oauth/callback',
      'https://system-admin.okta.com/admin/app/cpc//oauth/callback',
      'https://evil.okta.com/admin/app/cpc/a/oauth/callback',
      'https://system-admin.okta.com.evil.test/admin/app/cpc/a/oauth/callback',
      'https://user@system-admin.okta.com/admin/app/cpc/a/oauth/callback',
      'http://127.0.0.1:8080/admin/app/cpc/a/oauth/callback',
      'http://localhost/callback',
      'not a url',
    ]) {
      expect(allowedRedirectUri(uri), uri).toBeUndefined();
    }
  });
});

describe('PKCE S256', () => {
  it('matches the RFC 7636 appendix B example and nothing else', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(challenge);
    expect(verifierMatches(verifier, challenge)).toBe(true);
    expect(verifierMatches(`${verifier.slice(0, -1)}x`, challenge)).toBe(false);
    expect(verifierMatches(undefined, challenge)).toBe(false);
    expect(verifierMatches('short', challenge)).toBe(false);
  });
});

describe('OAuth configuration', () => {
  const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
  const deployed = { TABLE_NAME: 't', STAGE: 'prod' };

  const local = { TABLE_NAME: 't', LOCAL_STACK: 'true' };

  it('uses the public local client secret only locally, and is off when deployed without one', () => {
    expect(loadConfig(local).OAUTH_CLIENT_SECRET_SHA256).toBe(sha256(LOCAL_OAUTH_CLIENT.secret));
    expect(loadConfig(deployed).OAUTH_CLIENT_SECRET_SHA256).toBeUndefined();
    expect(loadConfig({ ...deployed, OAUTH_CLIENT_SECRET_SHA256: sha256('s3cret') }).OAUTH_CLIENT_SECRET_SHA256).toBe(sha256('s3cret'));
    expect(() => loadConfig({ ...deployed, OAUTH_CLIENT_SECRET_SHA256: sha256(LOCAL_OAUTH_CLIENT.secret) })).toThrow(/local client secret/);
  });

  it('allows loopback redirect URIs and http issuers only locally', () => {
    expect(loadConfig({ ...local, OAUTH_ALLOW_LOOPBACK_REDIRECTS: 'true' }).OAUTH_ALLOW_LOOPBACK_REDIRECTS).toBe(true);
    expect(() => loadConfig({ ...deployed, OAUTH_ALLOW_LOOPBACK_REDIRECTS: 'true' })).toThrow(/loopback/);
    expect(() => loadConfig({ ...deployed, CONSOLE_ALLOW_HTTP_ISSUERS: 'true' })).toThrow(/http issuers/);
  });

  it('keys the local defaults on LOCAL_STACK, not on a stage a deployment could be named', () => {
    const namedLocal = loadConfig({ TABLE_NAME: 't', STAGE: 'local' });
    expect(namedLocal.OAUTH_CLIENT_SECRET_SHA256).toBeUndefined();
    expect(() => loadConfig({ TABLE_NAME: 't', STAGE: 'local', OAUTH_ALLOW_LOOPBACK_REDIRECTS: 'true' })).toThrow(/loopback/);
    expect(() => loadConfig({ TABLE_NAME: 't', STAGE: 'local', CONSOLE_ALLOW_HTTP_ISSUERS: 'true' })).toThrow(/http issuers/);
    // Lambda sets AWS_LAMBDA_FUNCTION_NAME itself: the switch cannot be turned on in a deployed function.
    expect(() => loadConfig({ ...local, AWS_LAMBDA_FUNCTION_NAME: 'Roster-prod-oauth' })).toThrow(/LOCAL_STACK/);
  });
});

describe('html', () => {
  it('escapes every interpolated value, and only those', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"quoted"'}">${inner}${[inner]}${undefined}${false}</p>`.text).toBe(
      '<p title="&#34;quoted&#34;"><b>&#60;i&#62;</b><b>&#60;i&#62;</b></p>',
    );
  });
});

import { config } from '../../config.js';

const APP_NAME = '([A-Za-z0-9_-]{1,100})';
const OKTA_APP_PATH = new RegExp(`^/admin/app/cpc/${APP_NAME}/oauth/callback$`);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

let compiled: { source: string[]; patterns: RegExp[] } | undefined;

/**
 * Whether Roster may send the browser (and an authorization code) to this redirect_uri: it must
 * match one of OAUTH_REDIRECT_URIS exactly, `{appName}` standing for one Okta app name; loopback
 * URIs only where OAUTH_ALLOW_LOOPBACK_REDIRECTS is on (the local stack and tests).
 * Returns the Okta app name when the URI names one, to suggest a connection name.
 */
export function allowedRedirectUri(uri: string): { appName?: string } | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (url.hash || url.username || url.password) return undefined;
  const appName = OKTA_APP_PATH.exec(url.pathname)?.[1];
  if (patterns().some((pattern) => pattern.test(uri))) return { appName };
  const { OAUTH_ALLOW_LOOPBACK_REDIRECTS } = config();
  if (OAUTH_ALLOW_LOOPBACK_REDIRECTS && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { appName };
  return undefined;
}

function patterns(): RegExp[] {
  const source = config().OAUTH_REDIRECT_URIS;
  if (compiled?.source !== source) {
    const toPattern = (uri: string) =>
      new RegExp(`^${uri.split('{appName}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(APP_NAME)}$`);
    compiled = { source, patterns: source.map(toPattern) };
  }
  return compiled.patterns;
}

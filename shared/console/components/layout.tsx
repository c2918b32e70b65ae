import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { CONSOLE_STYLE, CONSOLE_STYLE_HASH } from './style.js';
import type { ConsoleResult } from '../console-types.js';

/** The signed-in person, as the page header shows them. */
export interface Viewer {
  companyName: string;
  personName: string;
  csrfToken: string;
}

interface PageProps {
  title: string;
  viewer?: Viewer;
  narrow?: boolean;
  children: ComponentChildren;
}

export function Page({ title, viewer, narrow, children }: PageProps): VNode {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${title} · Roster`}</title>
        <style dangerouslySetInnerHTML={{ __html: CONSOLE_STYLE }} />
      </head>
      <body>
        <a class="skip" href="#content">Skip to content</a>
        <header>
          <div class="bar">
            <a class="brand" href="/console">Roster</a>
            {viewer && (
              <div class="who">
                <span>
                  {viewer.personName} · {viewer.companyName}
                </span>
                <form method="post" action="/console/sign-out">
                  <CsrfField token={viewer.csrfToken} />
                  <button type="submit" class="link">Sign out</button>
                </form>
              </div>
            )}
          </div>
        </header>
        <main id="content" class={narrow ? 'narrow' : undefined}>
          {children}
        </main>
      </body>
    </html>
  );
}

export function CsrfField({ token }: { token: string }): VNode {
  return <input type="hidden" name="csrf" value={token} />;
}

/**
 * A whole page with the console's security headers: a CSP that allows the one hashed stylesheet and
 * nothing else, no framing, never cached. The referrer goes to this site only: with `no-referrer`
 * browsers send `Origin: null` on form posts, and every post's Origin is checked.
 */
export function htmlResult(status: number, page: VNode, cookies: string[] = []): ConsoleResult {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'sha256-${CONSOLE_STYLE_HASH}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    },
    cookies,
    body: `<!doctype html>${render(page)}`,
  };
}

export function redirect(location: string, cookies: string[] = []): ConsoleResult {
  return { status: 303, headers: { location, 'cache-control': 'no-store' }, cookies, body: '' };
}

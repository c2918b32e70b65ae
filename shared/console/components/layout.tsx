import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { CONSOLE_STYLE, CONSOLE_STYLE_HASH } from './style.js';
import type { ConsoleResult } from '../console-types.js';

/** The signed-in person, as the page header shows them. */
export interface Viewer {
  companyName: string;
  personName: string;
  csrfToken: string;
  /** Whether the person may use the admin pages (the navigation bar shows them). */
  isAdmin?: boolean;
}

/** The admin pages, in the order the navigation bar lists them. */
export const ADMIN_SECTIONS = [
  { key: 'settings', label: 'Settings', href: '/console/admin/settings' },
  { key: 'assignments', label: 'Assignments', href: '/console/admin/assignments' },
  { key: 'seats', label: 'Seats', href: '/console/admin/seats' },
  { key: 'team-members', label: 'Team members', href: '/console/admin/team-members' },
  { key: 'import-errors', label: 'Import errors', href: '/console/admin/import-errors' },
  { key: 'connections', label: 'Connections', href: '/console/admin/connections' },
  { key: 'admin-tokens', label: 'Admin tokens', href: '/console/admin/admin-tokens' },
] as const;

export type AdminSection = (typeof ADMIN_SECTIONS)[number]['key'];

interface PageProps {
  title: string;
  viewer?: Viewer;
  /** The admin page this is, marked current in the navigation bar. */
  section?: AdminSection;
  narrow?: boolean;
  children: ComponentChildren;
}

export function Page({ title, viewer, section, narrow, children }: PageProps): VNode {
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
          {viewer?.isAdmin && (
            <nav class="admin" aria-label="Admin">
              <ul>
                <li>
                  <a href="/console/team">My team</a>
                </li>
                {ADMIN_SECTIONS.map((item) => (
                  <li key={item.key}>
                    <a href={item.href} aria-current={item.key === section ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <main id="content" class={narrow ? 'narrow' : undefined}>
          {children}
        </main>
      </body>
    </html>
  );
}

/** Why a form was not accepted, each problem in words. */
/** What the last action did ("Settings saved."), announced to screen readers; nothing without one. */
export function Notice({ notice }: { notice: string | undefined }): VNode | null {
  return notice ? (
    <p class="notice" role="status">
      {notice}
    </p>
  ) : null;
}

export function Problems({ problems, summary }: { problems: string[] | undefined; summary: string }): VNode | null {
  if (!problems?.length) return null;
  return (
    <div class="error" role="alert">
      <p>{summary}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}

/** "Delete X?": what happens, a red button that posts, and a way back that changes nothing. */
/**
 * A table that scrolls sideways on a narrow screen. A scrolling region must be reachable by
 * keyboard (WCAG 2.1.1), so it is a named, focusable region.
 */
export function ScrollingTable({ label, children }: { label: string; children: ComponentChildren }): VNode {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table>{children}</table>
    </div>
  );
}

export function ConfirmDeletePage(props: {
  viewer: Viewer;
  section: AdminSection;
  name: string;
  action: string;
  button: string;
  back: string;
  /** What is asked: "Delete" unless said ("Revoke"). */
  verb?: string;
  children: ComponentChildren;
}): VNode {
  const verb = props.verb ?? 'Delete';
  return (
    <Page title={`${verb} ${props.name}`} viewer={props.viewer} section={props.section} narrow>
      <form method="post" action={props.action} class="card">
        <h1>{`${verb} ${props.name}?`}</h1>
        <CsrfField token={props.viewer.csrfToken} />
        {props.children}
        <div class="actions">
          <button type="submit" class="danger">
            {props.button}
          </button>
          <a class="button" href={props.back}>
            Keep it
          </a>
        </div>
      </form>
    </Page>
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

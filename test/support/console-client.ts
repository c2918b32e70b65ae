/**
 * A browser-like client of the console for tests that do not need a real browser: a cookie jar
 * (name → value), form posts with the page's Origin, the CSRF field read from the last page.
 */
export interface ConsolePage {
  status: number;
  location: string | null;
  setCookies: string[];
  html: string;
}

export function consoleClient(baseUrl: string) {
  const jar = new Map<string, string>();
  const origin = new URL(baseUrl).origin;

  const request = async (method: 'GET' | 'POST', path: string, form?: Record<string, string>, headers: Record<string, string> = {}): Promise<ConsolePage> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(jar.size ? { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded', origin } : {}),
        ...headers,
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    const setCookies = response.headers.getSetCookie();
    for (const cookie of setCookies) {
      const [pair, ...attributes] = cookie.split(';');
      const at = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, at).trim(), pair!.slice(at + 1).trim()];
      if (attributes.some((attribute) => /max-age=0/i.test(attribute.trim())) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return { status: response.status, location: response.headers.get('location'), setCookies, html: await response.text() };
  };

  return {
    jar,
    get: (path: string, headers?: Record<string, string>) => request('GET', path, undefined, headers),
    post: (path: string, form: Record<string, string>, headers?: Record<string, string>) => request('POST', path, form, headers),
    /** The CSRF field of a page's forms. */
    csrfOf: (page: ConsolePage) => /name="csrf" value="([^"]+)"/.exec(page.html)?.[1] ?? '',
    /** What the browser would send for the form posting to `action`, as the page fills it in. */
    formOf: (page: ConsolePage, action: string) => formFields(page.html, action),
  };
}

/** A browser signed in with a company's admin token through the sign-in form, sent on to `next`. */
export async function signedInWithAdminToken(baseUrl: string, tenant: { tenantId: string; adminToken: string }, next: string) {
  const client = consoleClient(baseUrl);
  const form = await client.get(`/console/sign-in?company=${tenant.tenantId}`);
  const signedIn = await client.post('/console/sign-in/admin-token', { csrf: client.csrfOf(form), company: tenant.tenantId, admin_token: tenant.adminToken, next });
  if (signedIn.location !== next) throw new Error(`signing in with the admin token answered ${signedIn.status} to ${signedIn.location}`);
  return client;
}

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s/>])`).exec(tag);
  return match ? decode(match[1] ?? '') : undefined;
};

/**
 * The fields a form sends (successful controls): inputs (checkboxes and radios when checked),
 * selects (the selected option, else the first), textareas. Enough for the console's own markup.
 */
export function formFields(html: string, action: string): Record<string, string> {
  const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((match) => match[0]).find((candidate) => attribute(/^<form[^>]*>/.exec(candidate)![0], 'action') === action);
  if (!form) throw new Error(`No form posting to ${action} on this page`);
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const type = attribute(tag, 'type') ?? 'text';
    if (!name || type === 'submit') continue;
    if ((type === 'checkbox' || type === 'radio') && attribute(tag, 'checked') === undefined) continue;
    fields[name] = attribute(tag, 'value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '');
  }
  for (const [, open, body] of form.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const options = [...body!.matchAll(/<option\b[^>]*>/g)].map((match) => match[0]);
    const chosen = options.find((option) => attribute(option, 'selected') !== undefined) ?? options[0];
    if (chosen) fields[attribute(open!, 'name')!] = attribute(chosen, 'value') ?? '';
  }
  for (const [, open, body] of form.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) fields[attribute(open!, 'name')!] = decode(body!);
  return fields;
}

/** The sign-in link of an email body. */
export function signInLinkOf(text: string): { path: string; company: string; token: string } {
  const url = new URL(/https?:\/\/\S+\/console\/sign-in\/link\?\S+/.exec(text)![0]);
  return { path: `${url.pathname}${url.search}`, company: url.searchParams.get('company')!, token: url.searchParams.get('token')! };
}

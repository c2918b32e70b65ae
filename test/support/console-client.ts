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
  };
}

/** The sign-in link of an email body. */
export function signInLinkOf(text: string): { path: string; company: string; token: string } {
  const url = new URL(/https?:\/\/\S+\/console\/sign-in\/link\?\S+/.exec(text)![0]);
  return { path: `${url.pathname}${url.search}`, company: url.searchParams.get('company')!, token: url.searchParams.get('token')! };
}

import { createHash } from 'node:crypto';

/**
 * HTML for the few pages Roster serves (the OAuth consent flow). Every interpolated value is
 * escaped unless it is already Html; the pages need no script, and their one stylesheet is
 * allowed by its hash in a Content-Security-Policy that allows nothing else.
 */
export class Html {
  constructor(readonly text: string) {}
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

type Interpolation = string | number | Html | Html[] | undefined | null | false;

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let text = strings[0]!;
  values.forEach((value, index) => {
    text += render(value) + strings[index + 1]!;
  });
  return new Html(text);
}

function render(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map((item) => item.text).join('');
  return escapeHtml(String(value));
}

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f4f6f8}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center}
main{background:#fff;max-width:28rem;width:calc(100% - 2rem);margin:2rem 1rem;padding:2rem;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.06)}
h1{font-size:1.25rem;margin:0 0 1rem}
p,li{line-height:1.5}
.brand{font-weight:600;color:#3b5bdb;letter-spacing:.02em;margin-bottom:1.5rem}
label{display:block;font-weight:600;margin:1rem 0 .35rem}
input[type=password],input[type=text]{width:100%;box-sizing:border-box;padding:.6rem .7rem;border:1px solid #cbd2d9;border-radius:8px;font:inherit}
fieldset{border:1px solid #e4e7eb;border-radius:8px;margin:1rem 0;padding:.5rem 1rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;gap:.5rem;align-items:baseline;margin:.5rem 0;font-weight:400}
.actions{display:flex;flex-direction:row-reverse;gap:.75rem;justify-content:flex-start;margin-top:1.5rem}
button,a.button{font:inherit;padding:.6rem 1.2rem;border-radius:8px;border:1px solid #cbd2d9;background:#fff;cursor:pointer;color:inherit;text-decoration:none}
button.primary,a.button.primary{background:#3b5bdb;border-color:#3b5bdb;color:#fff}
details{margin-top:1.5rem}
summary{cursor:pointer;color:#3b5bdb}
.error{background:#fdecea;color:#8a1c1c;padding:.6rem .8rem;border-radius:8px}
.muted{color:#616e7c;font-size:.9rem}
`;
const STYLE_HASH = createHash('sha256').update(STYLE, 'utf8').digest('base64');

export interface PageResult {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Set-Cookie values. */
  cookies?: string[];
}

/**
 * A complete page with its security headers. `formTargets` are the origins a form on the page may
 * send the browser to: browsers apply form-action to the redirect that answers a form post too.
 */
export function htmlPage(status: number, title: string, content: Html, formTargets: string[] = []): PageResult {
  const body = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin"><title>${title}</title><style>${new Html(STYLE)}</style></head>
<body><main><div class="brand">Roster</div>${content}</main></body></html>`;
  const formAction = ["'self'", ...formTargets].join(' ');
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      // same-origin, not no-referrer: with no-referrer a form post's Origin is `null`, and the
      // consent form's Origin is checked. Cross-origin navigations still send no referrer.
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    },
    body: body.text,
  };
}

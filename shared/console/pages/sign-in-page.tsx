import type { VNode } from 'preact';
import { CsrfField, Page } from '../components/layout.js';

export interface SignInCompany {
  id: string;
  name: string;
  hasIdentityProvider: boolean;
}

interface SignInProps {
  company?: SignInCompany;
  next: string;
  formToken: string;
  error?: string;
  /** The admin token form is shown open (after a wrong token). */
  tokenFormOpen?: boolean;
}

/** Step one asks which company; step two offers that company's ways in. */
export function SignInPage({ company, next, formToken, error, tokenFormOpen }: SignInProps): VNode {
  return (
    <Page title="Sign in" narrow>
      <div class="card">
        {company ? (
          <CompanySignIn company={company} next={next} formToken={formToken} error={error} tokenFormOpen={tokenFormOpen} />
        ) : (
          <ChooseCompany next={next} error={error} />
        )}
      </div>
    </Page>
  );
}

function ChooseCompany({ next, error }: { next: string; error?: string }): VNode {
  return (
    <>
      <h1>Sign in to Roster</h1>
      {error && <p class="error" role="alert">{error}</p>}
      <form method="get" action="/console/sign-in">
        <input type="hidden" name="next" value={next} />
        <label for="company">Company id</label>
        <input type="text" id="company" name="company" required autocomplete="organization" spellcheck={false} aria-describedby="company-hint" />
        <p class="hint" id="company-hint">The short id of your company in Roster, as in the link of a Roster email.</p>
        <div class="actions">
          <button class="primary" type="submit">Continue</button>
        </div>
      </form>
    </>
  );
}

function CompanySignIn({ company, next, formToken, error, tokenFormOpen }: Omit<SignInProps, 'company'> & { company: SignInCompany }): VNode {
  const providerHref = `/console/sign-in/oidc?company=${encodeURIComponent(company.id)}&next=${encodeURIComponent(next)}`;
  return (
    <>
      <h1>Sign in to {company.name}</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {company.hasIdentityProvider && (
        <>
          <div class="actions">
            <a class="button primary" href={providerHref}>Sign in with your company account</a>
          </div>
          <p class="or">or</p>
        </>
      )}
      <form method="post" action="/console/sign-in/email">
        <CsrfField token={formToken} />
        <input type="hidden" name="company" value={company.id} />
        <input type="hidden" name="next" value={next} />
        <label for="email">Work email</label>
        <input type="email" id="email" name="email" required autocomplete="email" aria-describedby="email-hint" />
        <p class="hint" id="email-hint">We email you a link that signs you in. It works once, for 15 minutes.</p>
        <div class="actions">
          <button class={company.hasIdentityProvider ? undefined : 'primary'} type="submit">Email me a sign-in link</button>
        </div>
      </form>
      <details open={tokenFormOpen}>
        <summary>Tech admin without an account? Use the admin token</summary>
        <form method="post" action="/console/sign-in/admin-token">
          <CsrfField token={formToken} />
          <input type="hidden" name="company" value={company.id} />
          <input type="hidden" name="next" value={next} />
          <label for="admin_token">Admin token</label>
          <input type="password" id="admin_token" name="admin_token" required autocomplete="off" spellcheck={false} />
          <div class="actions">
            <button type="submit">Sign in with the token</button>
          </div>
        </form>
      </details>
      <p class="muted">
        Not {company.name}? <a href={`/console/sign-in?next=${encodeURIComponent(next)}`}>Choose another company</a>
      </p>
    </>
  );
}

export function CheckEmailPage({ companyName, email }: { companyName: string; email: string }): VNode {
  return (
    <Page title="Check your email" narrow>
      <div class="card">
        <h1>Check your email</h1>
        <p role="status">
          If {email} is the work email of an active team member of {companyName}, a sign-in link is on its way. It works once, for 15 minutes.
        </p>
        <p class="muted">Nothing arrived? Check the address and ask again in a few minutes.</p>
      </div>
    </Page>
  );
}

/** Opening the link only shows this button: mail scanners that fetch links do not use them up. */
export function ConfirmLinkPage({ company, token, formToken }: { company: SignInCompany; token: string; formToken: string }): VNode {
  return (
    <Page title="Sign in" narrow>
      <div class="card">
        <h1>Sign in to {company.name}</h1>
        <form method="post" action="/console/sign-in/link">
          <CsrfField token={formToken} />
          <input type="hidden" name="company" value={company.id} />
          <input type="hidden" name="token" value={token} />
          <div class="actions">
            <button class="primary" type="submit">Sign in</button>
          </div>
        </form>
      </div>
    </Page>
  );
}

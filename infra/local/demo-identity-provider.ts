import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';

export const DEMO_OIDC_CLIENT_ID = 'roster-console';

export interface DemoIdentityProvider {
  issuer: string;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) standing in for a company's identity provider on a laptop
 * and in tests. Its development sign-in form takes any login: type a person's work email and the
 * provider vouches for it (email_verified), which is all Roster's console asks of an identity
 * provider. Local only: nothing of it is deployed.
 */
export async function startDemoIdentityProvider(options: { port: number; consoleUrl: string }): Promise<DemoIdentityProvider> {
  const issuer = `http://localhost:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: DEMO_OIDC_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${options.consoleUrl}/sign-in/oidc/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile'],
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    findAccount: (_context, login) => ({
      accountId: login,
      claims: () => ({ sub: login, email: login, email_verified: true }),
    }),
  });
  // The development login form is the point of this provider; its warnings would only be noise.
  provider.on('server_error', () => undefined);
  const server: Server = await new Promise((resolveServer, reject) => {
    const listening = provider.listen(options.port, '127.0.0.1', () => resolveServer(listening));
    listening.once('error', reject);
  });
  return {
    issuer,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { ADMIN_PREFIX, CONSOLE_PREFIX, OAUTH_PREFIX, SCIM_PREFIX } from '../../shared/routes.js';
import { startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local.js';
import { ensureTable } from './ensure-table.js';
import { DEMO_OIDC_CLIENT_ID, startDemoIdentityProvider } from './demo-identity-provider.js';
import { getCompanySettings, updateCompanySettings } from '../../shared/people/company/company-settings-admin.js';
import { startHttpAdapter } from './http-adapter.js';
import { startScheduledFunctions } from './scheduled-functions.js';
import { seedDemoCompany, type DemoCredentials } from './seed-demo-company.js';
import { startSesEmulator, type RunningSes } from './ses-emulator.js';
import { startStreamPoller, type StreamPoller } from './stream-poller.js';

export const TABLE_NAME = 'roster';

export interface LocalStackOptions {
  port: number;
  dynamoDbPort: number;
  sesPort: number;
  /** The demo identity provider (OpenID Connect) the console's company sign-in uses locally. */
  identityProviderPort: number;
  stateDir: string;
  reset: boolean;
}

/** Exactly the keys of <state dir>/stack.json. */
export interface StackInfo {
  scimBaseUrl: string;
  adminBaseUrl: string;
  oauthBaseUrl: string;
  tenantId: string;
  primaryDomain: string;
  scimToken: string;
  adminToken: string;
  sesApiUrl: string;
  dynamoDbEndpoint: string;
  tableName: string;
  consoleUrl: string;
  identityProviderUrl: string;
}

export interface LocalStack {
  info: StackInfo;
  poller: StreamPoller;
  stop(): Promise<void>;
}

/**
 * The product on a laptop: DynamoDB Local (data under the state dir), the SES emulator, the
 * route table served over HTTP by the deployed handlers, the stream poller feeding the notifier, and
 * the scheduled functions on an interval.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const stateDir = resolve(options.stateDir);
  const dataDir = join(stateDir, 'dynamodb');
  const stateFile = join(stateDir, 'stack.json');
  if (options.reset) rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });

  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    const dynamo: RunningDynamoDb = await startDynamoDbLocal({ port: options.dynamoDbPort, dataDir });
    stoppers.push(dynamo.stop);
    const ses: RunningSes = await startSesEmulator({ port: options.sesPort });
    stoppers.push(ses.stop);

    // The handlers read their configuration from the environment at cold start, as on Lambda.
    Object.assign(process.env, {
      TABLE_NAME,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.url,
      AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
      PRODUCT_URL: `http://localhost:${options.port}`,
      TOKEN_CACHE_SECONDS: '0',
      // What only the local stack may do (the public client secret among it) is switched on here.
      LOCAL_STACK: 'true',
      // Lets a local Okta stand-in (or a test) receive the OAuth redirect on this machine.
      OAUTH_ALLOW_LOOPBACK_REDIRECTS: 'true',
      // The demo identity provider speaks plain http on localhost.
      CONSOLE_ALLOW_HTTP_ISSUERS: 'true',
    });
    const consoleUrl = `http://localhost:${options.port}${CONSOLE_PREFIX}`;
    const identityProvider = await startDemoIdentityProvider({ port: options.identityProviderPort, consoleUrl });
    stoppers.push(identityProvider.stop);

    const { streamArn } = await ensureTable(dynamo.endpoint, TABLE_NAME);

    const credentials = await seedDemoCompany(readPrevious(stateFile));
    const settings = await getCompanySettings(credentials.tenantId);
    await updateCompanySettings(credentials.tenantId, { ...settings, oidc: { issuer: identityProvider.issuer, clientId: DEMO_OIDC_CLIENT_ID } });
    const server: Server = await startHttpAdapter({ port: options.port });
    stoppers.push(() => new Promise((done) => server.close(() => done())));
    server.closeIdleConnections?.();

    const poller = startStreamPoller({ endpoint: dynamo.endpoint, streamArn, functionName: 'team-member-changes' });
    stoppers.push(poller.stop);
    // release-notifications (held manager emails) and erase-inactive-members (the companies'
    // retention), as EventBridge runs them in AWS; locally both every few seconds.
    stoppers.push(startScheduledFunctions().stop);

    const baseUrl = `http://localhost:${options.port}`;
    const info: StackInfo = {
      scimBaseUrl: `${baseUrl}${SCIM_PREFIX}`,
      adminBaseUrl: `${baseUrl}${ADMIN_PREFIX}`,
      oauthBaseUrl: `${baseUrl}${OAUTH_PREFIX}`,
      tenantId: credentials.tenantId,
      primaryDomain: credentials.primaryDomain,
      scimToken: credentials.scimToken,
      adminToken: credentials.adminToken,
      sesApiUrl: ses.url,
      dynamoDbEndpoint: dynamo.endpoint,
      tableName: TABLE_NAME,
      consoleUrl,
      identityProviderUrl: identityProvider.issuer,
    };
    writeFileSync(stateFile, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
    return { info, poller, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function readPrevious(stateFile: string): Partial<DemoCredentials> | undefined {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8')) as Partial<DemoCredentials>;
  } catch {
    return undefined;
  }
}

import './quiet-sdk-warning.js';
import * as z from 'zod';
import { LOCAL_OAUTH_CLIENT } from '../../shared/config.js';
import { MissingJavaError } from './java.js';
import { startLocalStack } from './local-stack.js';

const environment = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DYNAMODB_PORT: z.coerce.number().int().min(1).max(65535).default(8000),
  SES_PORT: z.coerce.number().int().min(1).max(65535).default(8005),
  IDP_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  STATE_DIR: z.string().min(1).default('.local'),
  RESET: z.enum(['0', '1', 'true', 'false', '']).default('0'),
});

async function main(): Promise<void> {
  const parsed = environment.safeParse(process.env);
  if (!parsed.success) {
    fail(`Invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const env = parsed.data!;
  const stack = await startLocalStack({
    port: env.PORT,
    dynamoDbPort: env.DYNAMODB_PORT,
    sesPort: env.SES_PORT,
    identityProviderPort: env.IDP_PORT,
    stateDir: env.STATE_DIR,
    reset: env.RESET === '1' || env.RESET === 'true',
  });
  const { info } = stack;
  process.stdout.write(
    [
      '',
      'Roster is running locally.',
      `  SCIM base URL   ${info.scimBaseUrl}`,
      `  SCIM token      ${info.scimToken}`,
      `  Admin base URL  ${info.adminBaseUrl}`,
      `  Admin token     ${info.adminToken}`,
      `  OAuth base URL  ${info.oauthBaseUrl}  (client ${LOCAL_OAUTH_CLIENT.id} / ${LOCAL_OAUTH_CLIENT.secret})`,
      `  Console         ${info.consoleUrl}/sign-in?company=${info.tenantId}`,
      `                  sign in as a demo person: "Sign in with your company account" → type their email`,
      `                  (e.g. maria.manager@${info.primaryDomain}), or get an emailed link (shown on the emails page below)`,
      `  Identity prov.  ${info.identityProviderUrl}  (local OpenID provider: any email, any password)`,
      `  Company         Example Co (${info.primaryDomain}), tenant ${info.tenantId}`,
      `  Emails sent     ${info.sesApiUrl}`,
      `  DynamoDB Local  ${info.dynamoDbEndpoint} (table ${info.tableName})`,
      `  State file      ${env.STATE_DIR}/stack.json`,
      '',
      `Try: curl -H "Authorization: Bearer ${info.scimToken}" ${info.scimBaseUrl}/ServiceProviderConfig`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal} received, stopping…\n`);
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

main().catch((error: unknown) => {
  if (error instanceof MissingJavaError) fail(error.message);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') fail(`A port is already in use (${(error as Error).message}). Set PORT, DYNAMODB_PORT, SES_PORT or IDP_PORT to free ports.`);
  fail(`Roster could not start: ${(error as Error).message}`);
});

import { createHash } from 'node:crypto';
import * as z from 'zod';

/** The OAuth client of the local stack and tests; its secret is public, so it works only when LOCAL_STACK is on. */
export const LOCAL_OAUTH_CLIENT = { id: 'roster-okta', secret: 'roster-local-client-secret' } as const;

/** Okta's callback URIs for OIN apps that authenticate with OAuth, one per Okta cell family. */
const OKTA_CALLBACK_URIS = ['okta.com', 'oktapreview.com', 'okta-emea.com', 'trexcloud.com'].map(
  (domain) => `https://system-admin.${domain}/admin/app/cpc/{appName}/oauth/callback`,
);

function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * Environment, validated once at cold start. Every other module takes what it needs from here;
 * nothing else reads process.env.
 */
const schema = z.object({
  TABLE_NAME: z.string().min(1),
  /** Set only locally / in tests: DynamoDB Local's URL. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Set only locally / in tests: the SES emulator's URL. */
  SES_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  MAIL_FROM: z.string().min(3).default('Roster <no-reply@roster.local>'),
  PRODUCT_URL: z.url().default('http://localhost:3000'),
  /** Where people open the console (the emails link to it); by default the product URL's /console. */
  CONSOLE_URL: z.url().optional(),
  /** Also accept http:// OpenID issuers (the local stack's and the tests' identity provider): local only. */
  CONSOLE_ALLOW_HTTP_ISSUERS: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** The deployment's name, a label only: nothing is switched on or off by it. */
  STAGE: z.string().min(1).default('local'),
  /**
   * Switches on what only the local stack and tests may do (loopback redirects, http issuers, the
   * public local client secret). The CDK stack never writes it, and Lambda always sets
   * AWS_LAMBDA_FUNCTION_NAME (a reserved variable), so a deployed function cannot turn it on.
   */
  LOCAL_STACK: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** Set by the Lambda runtime itself; read only to refuse LOCAL_STACK there. */
  AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * The share of invocations (0 to 1) that log at debug whatever LOG_LEVEL says, decided afresh at
   * each invocation (Powertools Logger's sampleRateValue).
   */
  LOG_DEBUG_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0),
  /**
   * Set by Lambda: where the X-Ray daemon takes segments (`host:port`, or `tcp:host:port udp:host:port`).
   * Unset (locally, in tests) means no traces are sent; so does an address without a UDP port, which
   * turns tracing off rather than failing the function.
   */
  AWS_XRAY_DAEMON_ADDRESS: z.string().optional(),
  /** Write metrics (EMF lines on stdout); the test suite turns them off, as it silences the logs. */
  METRICS_ENABLED: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /**
   * DNS servers (comma-separated `address` or `address:port`) that domain verification asks for
   * TXT records; unset means the system's resolver (in Lambda, the VPC's or AWS's).
   */
  DNS_RESOLVERS: z
    .string()
    .optional()
    .transform((value) => value?.split(',').map((server) => server.trim()).filter(Boolean) ?? []),
  /** Manager emails one company may send per hour; past it they wait, queued, for the next hour. */
  MAIL_PER_COMPANY_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(500),
  /**
   * Days an admin token lives unless fewer are asked for (then it stops working and TTL removes it);
   * also the most a company's admin may ask for (the admin API, the console). The CLI may give more.
   */
  ADMIN_TOKEN_DAYS: z.coerce.number().int().min(1).max(3_650).default(365),
  /** Seconds a resolved token stays cached in a warm function (revocation delay). */
  TOKEN_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(15),

  /** The one OAuth client (Okta's OIN rule: the same client for every company). */
  OAUTH_CLIENT_ID: z.string().min(1).max(200).default(LOCAL_OAUTH_CLIENT.id),
  /**
   * Hex SHA-256 of the client secret, so the deployed environment never holds the secret itself.
   * Unset when deployed means OAuth is off (every client is refused); with LOCAL_STACK on it defaults
   * to the hash of LOCAL_OAUTH_CLIENT.secret.
   */
  OAUTH_CLIENT_SECRET_SHA256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits').optional(),
  /** Allowed redirect_uri values; `{appName}` matches one Okta app name. Comma-separated. */
  OAUTH_REDIRECT_URIS: z
    .string()
    .default(OKTA_CALLBACK_URIS.join(','))
    .transform((value) => value.split(',').map((uri) => uri.trim()).filter(Boolean)),
  /** Also allow http://localhost and http://127.0.0.1 redirect URIs: local stack and tests only. */
  OAUTH_ALLOW_LOOPBACK_REDIRECTS: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  OAUTH_ACCESS_TOKEN_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600),

  /**
   * Manager notifications: a new report's email waits this long (and each further report of the
   * same manager restarts the wait), so a burst of imports becomes one digest per manager.
   */
  NOTIFY_DEBOUNCE_SECONDS: z.coerce.number().int().min(0).max(3_600).default(60),
  /** …but a digest that keeps growing still goes out this long after its first report. */
  NOTIFY_MAX_WAIT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(900),
  /** Days a team member's history entries are kept (DynamoDB's TTL deletes them after). */
  HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(400),
});

const localSecretHash = sha256Hex(LOCAL_OAUTH_CLIENT.secret);

const validated = schema
  .refine((env) => !(env.LOCAL_STACK && env.AWS_LAMBDA_FUNCTION_NAME), {
    path: ['LOCAL_STACK'],
    message: 'the local stack switch cannot be on in a Lambda function',
  })
  .refine((env) => env.LOCAL_STACK || !env.OAUTH_ALLOW_LOOPBACK_REDIRECTS, {
    path: ['OAUTH_ALLOW_LOOPBACK_REDIRECTS'],
    message: 'loopback redirect URIs are allowed only when LOCAL_STACK is on',
  })
  .refine((env) => env.LOCAL_STACK || !env.CONSOLE_ALLOW_HTTP_ISSUERS, {
    path: ['CONSOLE_ALLOW_HTTP_ISSUERS'],
    message: 'http issuers are allowed only when LOCAL_STACK is on',
  })
  .refine((env) => env.NOTIFY_MAX_WAIT_SECONDS >= env.NOTIFY_DEBOUNCE_SECONDS, {
    path: ['NOTIFY_MAX_WAIT_SECONDS'],
    message: 'must be at least NOTIFY_DEBOUNCE_SECONDS',
  })
  .refine((env) => env.LOCAL_STACK || env.OAUTH_CLIENT_SECRET_SHA256 !== localSecretHash, {
    path: ['OAUTH_CLIENT_SECRET_SHA256'],
    message: 'the local client secret cannot be used outside the local stack (LOCAL_STACK)',
  })
  .transform((env) => ({
    ...env,
    CONSOLE_URL: (env.CONSOLE_URL ?? `${env.PRODUCT_URL.replace(/\/+$/, '')}/console`).replace(/\/+$/, ''),
    OAUTH_CLIENT_SECRET_SHA256: env.OAUTH_CLIENT_SECRET_SHA256 ?? (env.LOCAL_STACK ? localSecretHash : undefined),
  }));

export type Config = z.output<typeof validated>;

let cached: Config | undefined;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = validated.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid Roster configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The process-wide configuration, parsed on first use (cold start). */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

/** For the local stack and tests, which set the environment before the first use. */
export function resetConfigForTests(): void {
  cached = undefined;
}

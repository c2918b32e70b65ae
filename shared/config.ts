import { createHash } from 'node:crypto';
import { flag, InvalidValue, list, number, oneOf, optional, readAll, text, url, wholeNumber } from './env-values.js';

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
const variables = {
  TABLE_NAME: text({ min: 1 }),
  /** Set only locally / in tests: DynamoDB Local's URL. */
  DYNAMODB_ENDPOINT: optional(url()),
  /** Set only locally / in tests: the SES emulator's URL. */
  SES_ENDPOINT: optional(url()),
  AWS_REGION: text({ min: 1, fallback: 'us-east-1' }),
  MAIL_FROM: text({ min: 3, fallback: 'Roster <no-reply@roster.local>' }),
  PRODUCT_URL: url('http://localhost:3000'),
  /** Where people open the console (the emails link to it); by default the product URL's /console. */
  CONSOLE_URL: optional(url()),
  /** Also accept http:// OpenID issuers (the local stack's and the tests' identity provider): local only. */
  CONSOLE_ALLOW_HTTP_ISSUERS: flag(false),
  /** The deployment's name, a label only: nothing is switched on or off by it. */
  STAGE: text({ min: 1, fallback: 'local' }),
  /**
   * Switches on what only the local stack and tests may do (loopback redirects, http issuers, the
   * public local client secret). The CDK stack never writes it, and Lambda always sets
   * AWS_LAMBDA_FUNCTION_NAME (a reserved variable), so a deployed function cannot turn it on.
   */
  LOCAL_STACK: flag(false),
  /** Set by the Lambda runtime itself; read only to refuse LOCAL_STACK there. */
  AWS_LAMBDA_FUNCTION_NAME: optional(text()),
  /** Set by the Lambda runtime: a provisioned-concurrency environment's first invocation is not a cold start for the logs. */
  AWS_LAMBDA_INITIALIZATION_TYPE: optional(text()),
  LOG_LEVEL: oneOf(['debug', 'info', 'warn', 'error', 'silent'], 'info'),
  /**
   * The share of invocations (0 to 1) that log at debug whatever LOG_LEVEL says, decided afresh at
   * each invocation (what Powertools Logger calls sampleRateValue).
   */
  LOG_DEBUG_SAMPLE_RATE: number(0, 1, 0),
  /**
   * Set by Lambda: where the X-Ray daemon takes segments (`host:port`, or `tcp:host:port udp:host:port`).
   * Unset (locally, in tests) means no traces are sent; so does an address without a UDP port, which
   * turns tracing off rather than failing the function.
   */
  AWS_XRAY_DAEMON_ADDRESS: optional(text()),
  /** Write metrics (EMF lines on stdout); the test suite turns them off, as it silences the logs. */
  METRICS_ENABLED: flag(true),
  /**
   * DNS servers (comma-separated `address` or `address:port`) that domain verification asks for
   * TXT records; unset means the system's resolver (in Lambda, the VPC's or AWS's).
   */
  DNS_RESOLVERS: list(),
  /** Manager emails one company may send per hour; past it they wait, queued, for the next hour. */
  MAIL_PER_COMPANY_PER_HOUR: wholeNumber(1, 100_000, 500),
  /**
   * Days an admin token lives unless fewer are asked for (then it stops working and TTL removes it);
   * also the most a company's admin may ask for (the admin API, the console). The CLI may give more.
   */
  ADMIN_TOKEN_DAYS: wholeNumber(1, 3_650, 365),
  /** Seconds a resolved token stays cached in a warm function (revocation delay). */
  TOKEN_CACHE_SECONDS: wholeNumber(0, 300, 15),

  /** The one OAuth client (Okta's OIN rule: the same client for every company). */
  OAUTH_CLIENT_ID: text({ min: 1, max: 200, fallback: LOCAL_OAUTH_CLIENT.id }),
  /**
   * Hex SHA-256 of the client secret, so the deployed environment never holds the secret itself.
   * Unset when deployed means OAuth is off (every client is refused); with LOCAL_STACK on it defaults
   * to the hash of LOCAL_OAUTH_CLIENT.secret.
   */
  OAUTH_CLIENT_SECRET_SHA256: optional(text({ pattern: [/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'] })),
  /** Allowed redirect_uri values; `{appName}` matches one Okta app name. Comma-separated. */
  OAUTH_REDIRECT_URIS: list(OKTA_CALLBACK_URIS),
  /** Also allow http://localhost and http://127.0.0.1 redirect URIs: local stack and tests only. */
  OAUTH_ALLOW_LOOPBACK_REDIRECTS: flag(false),
  OAUTH_ACCESS_TOKEN_SECONDS: wholeNumber(60, 86_400, 3_600),

  /**
   * Manager notifications: a new report's email waits this long (and each further report of the
   * same manager restarts the wait), so a burst of imports becomes one digest per manager.
   */
  NOTIFY_DEBOUNCE_SECONDS: wholeNumber(0, 3_600, 60),
  /** …but a digest that keeps growing still goes out this long after its first report. */
  NOTIFY_MAX_WAIT_SECONDS: wholeNumber(0, 86_400, 900),
  /** Days a team member's history entries are kept (DynamoDB's TTL deletes them after). */
  HISTORY_RETENTION_DAYS: wholeNumber(1, 3_650, 400),
};

type Environment = ReturnType<typeof readAll<typeof variables>>;

/** Rules across variables: [the variable refused, whether the rule holds, why]. */
const rules = (env: Environment, localSecretHash: string): Array<[keyof Environment, boolean, string]> => [
  ['LOCAL_STACK', !(env.LOCAL_STACK && env.AWS_LAMBDA_FUNCTION_NAME), 'the local stack switch cannot be on in a Lambda function'],
  ['OAUTH_ALLOW_LOOPBACK_REDIRECTS', env.LOCAL_STACK || !env.OAUTH_ALLOW_LOOPBACK_REDIRECTS, 'loopback redirect URIs are allowed only when LOCAL_STACK is on'],
  ['CONSOLE_ALLOW_HTTP_ISSUERS', env.LOCAL_STACK || !env.CONSOLE_ALLOW_HTTP_ISSUERS, 'http issuers are allowed only when LOCAL_STACK is on'],
  ['NOTIFY_MAX_WAIT_SECONDS', env.NOTIFY_MAX_WAIT_SECONDS >= env.NOTIFY_DEBOUNCE_SECONDS, 'must be at least NOTIFY_DEBOUNCE_SECONDS'],
  ['OAUTH_CLIENT_SECRET_SHA256', env.LOCAL_STACK || env.OAUTH_CLIENT_SECRET_SHA256 !== localSecretHash, 'the local client secret cannot be used outside the local stack (LOCAL_STACK)'],
];

export type Config = Omit<Environment, 'CONSOLE_URL'> & { CONSOLE_URL: string };

let cached: Config | undefined;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  let values: Environment;
  try {
    values = readAll(variables, env);
  } catch (error) {
    if (error instanceof InvalidValue) throw new Error(`Invalid Roster configuration: ${error.message}`);
    throw error;
  }
  const localSecretHash = sha256Hex(LOCAL_OAUTH_CLIENT.secret);
  const broken = rules(values, localSecretHash).filter(([, holds]) => !holds);
  if (broken.length) throw new Error(`Invalid Roster configuration: ${broken.map(([name, , why]) => `${name}: ${why}`).join('; ')}`);
  return {
    ...values,
    CONSOLE_URL: (values.CONSOLE_URL ?? `${values.PRODUCT_URL.replace(/\/+$/, '')}/console`).replace(/\/+$/, ''),
    OAUTH_CLIENT_SECRET_SHA256: values.OAUTH_CLIENT_SECRET_SHA256 ?? (values.LOCAL_STACK ? localSecretHash : undefined),
  };
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

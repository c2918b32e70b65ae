import { loadConfig, type Config } from '../shared/config.js';
import type { RosterSettings } from './context.js';

// AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, AWS_LAMBDA_INITIALIZATION_TYPE and (active tracing) AWS_XRAY_DAEMON_ADDRESS are set by Lambda
// itself; the endpoints, LOCAL_STACK and what it switches on exist only for the local stack; the other
// OAuth settings, the notification timings and the metrics switch (on) keep their defaults, and the
// secret's hash is set only when given.
type DeployedVariable = Exclude<
  keyof Config,
  | 'AWS_REGION'
  | 'AWS_LAMBDA_FUNCTION_NAME'
  | 'AWS_LAMBDA_INITIALIZATION_TYPE'
  | 'AWS_XRAY_DAEMON_ADDRESS'
  | 'LOCAL_STACK'
  | 'DYNAMODB_ENDPOINT'
  | 'SES_ENDPOINT'
  | 'OAUTH_ALLOW_LOOPBACK_REDIRECTS'
  | 'OAUTH_REDIRECT_URIS'
  | 'OAUTH_ACCESS_TOKEN_SECONDS'
  | 'NOTIFY_DEBOUNCE_SECONDS'
  | 'NOTIFY_MAX_WAIT_SECONDS'
  | 'CONSOLE_ALLOW_HTTP_ISSUERS'
  | 'DNS_RESOLVERS'
  | 'MAIL_PER_COMPANY_PER_HOUR'
  | 'METRICS_ENABLED'
  | OptionalVariable
>;
// CONSOLE_URL is added by the stack to the functions that link to the console, once the API's URL is known.
type OptionalVariable = 'OAUTH_CLIENT_SECRET_SHA256' | 'CONSOLE_URL';
type Variables = Record<DeployedVariable, string> & Partial<Record<OptionalVariable, string>>;

export type FunctionEnvironment = Variables & { NODE_OPTIONS: string };

/** The environment every Roster function gets; keys follow shared/config.ts, which reads them. */
export function functionEnvironment(settings: RosterSettings, tableName: string): FunctionEnvironment {
  const variables: Variables = {
    TABLE_NAME: tableName,
    MAIL_FROM: `Roster <${settings.mail.fromAddress}>`,
    PRODUCT_URL: settings.productUrl,
    STAGE: settings.stage,
    LOG_LEVEL: settings.logLevel,
    LOG_DEBUG_SAMPLE_RATE: String(settings.logDebugSampleRate),
    TOKEN_CACHE_SECONDS: String(settings.tokenCacheSeconds),
    HISTORY_RETENTION_DAYS: String(settings.historyRetentionDays),
    ADMIN_TOKEN_DAYS: String(settings.adminTokenDays),
    OAUTH_CLIENT_ID: settings.oauth.clientId,
    ...(settings.oauth.clientSecretSha256 ? { OAUTH_CLIENT_SECRET_SHA256: settings.oauth.clientSecretSha256 } : {}),
  };
  // Fail the synth rather than every cold start if the functions would reject their environment.
  loadConfig(variables);
  return { ...variables, NODE_OPTIONS: '--enable-source-maps' };
}

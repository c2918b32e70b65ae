import { loadConfig, type Config } from '../shared/config.js';
import type { RosterSettings } from './context.js';

// AWS_REGION is set by Lambda itself; the endpoints exist only for the local stack.
type DeployedVariable = Exclude<keyof Config, 'AWS_REGION' | 'DYNAMODB_ENDPOINT' | 'SES_ENDPOINT'>;

export type FunctionEnvironment = Record<DeployedVariable | 'NODE_OPTIONS', string>;

/** The environment every Roster function gets; keys follow shared/config.ts, which reads them. */
export function functionEnvironment(settings: RosterSettings, tableName: string): FunctionEnvironment {
  const variables: Record<DeployedVariable, string> = {
    TABLE_NAME: tableName,
    MAIL_FROM: `Roster <${settings.mail.fromAddress}>`,
    PRODUCT_URL: settings.productUrl,
    STAGE: settings.stage,
    LOG_LEVEL: settings.logLevel,
    TOKEN_CACHE_SECONDS: String(settings.tokenCacheSeconds),
  };
  // Fail the synth rather than every cold start if the functions would reject their environment.
  loadConfig(variables);
  return { ...variables, NODE_OPTIONS: '--enable-source-maps' };
}

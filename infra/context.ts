import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod';
import type { Config } from '../shared/config.js';

/** What one deployment of Roster is parameterised by, read from CDK context (`-c key=value` or cdk.json). */
export interface RosterSettings {
  stage: string;
  mail: MailSettings;
  productUrl: string;
  logRetention: RetentionDays;
  logLevel: Config['LOG_LEVEL'];
  /** The share of invocations that log at debug (LOG_DEBUG_SAMPLE_RATE). */
  logDebugSampleRate: number;
  tokenCacheSeconds: number;
  /** Days a team member's history entries are kept (HISTORY_RETENTION_DAYS). */
  historyRetentionDays: number;
  /** Days an admin token issued by the admin API or console lives, and the most a company may ask for (ADMIN_TOKEN_DAYS). */
  adminTokenDays: number;
  /** The OAuth client Okta uses; without the secret's hash the OAuth endpoints refuse every client. */
  oauth: { clientId: string; clientSecretSha256?: string };
  alarmEmail?: string;
  throttle: { rateLimit: number; burstLimit: number };
  /** Serve the API on this domain (an ACM certificate in the stack's region) instead of only execute-api. */
  customDomain?: CustomDomainSettings;
}

export interface CustomDomainSettings {
  domainName: string;
  certificateArn: string;
}

export interface MailSettings {
  /** The SES identity the notifier sends as: an email address or a domain. */
  identity: string;
  identityKind: 'email' | 'domain';
  /** The sender address: the identity itself, or no-reply@<domain>. */
  fromAddress: string;
  /** Create (and start verifying) the identity in this stack instead of using an existing one. */
  createIdentity: boolean;
}

const retentionDays = Object.values(RetentionDays).filter((value): value is number => typeof value === 'number');
const domainPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const isEmail = (value: string): boolean => z.email().safeParse(value).success;

const required = (meaning: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `required: ${meaning}` : `must be ${meaning}`;

// Values passed with -c arrive as strings, values from cdk.json or tests keep their JSON type.
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')], {
  error: 'must be true or false',
});

const certificateArnPattern = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/;

const contextSchema = z
  .object({
    stage: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,19}$/, 'must be 1-20 lower-case letters, digits or hyphens, starting with a letter')
      // `local` names the stack on a laptop; a deployment by that name would read as one.
      .refine((stage) => stage !== 'local', { error: 'local is reserved for the local stack (npm start); pick another name' })
      .default('dev'),
    mailFrom: z
      .string({ error: required('the SES sender identity, an email address or a domain') })
      .refine((value) => isEmail(value) || domainPattern.test(value), {
        error: 'must be an email address (no-reply@example.com) or a domain (example.com)',
      }),
    createSesIdentity: flag.default(false),
    productUrl: z.url({
      protocol: /^https?$/,
      error: required('the product web app URL used in emails, e.g. https://app.example.com'),
    }),
    logRetentionDays: z.coerce
      .number()
      .refine((days) => retentionDays.includes(days), { error: `must be one of ${retentionDays.join(', ')}` })
      .default(30),
    alarmEmail: z.email({ error: 'must be an email address' }).optional(),
    throttleRate: z.coerce.number().positive().max(10_000).default(50),
    throttleBurst: z.coerce.number().int().positive().max(5_000).default(100),
    logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    logDebugSampleRate: z.coerce.number().min(0).max(1).default(0.01),
    tokenCacheSeconds: z.coerce.number().int().min(0).max(300).default(15),
    historyRetentionDays: z.coerce.number().int().min(1).max(3_650).default(400),
    adminTokenDays: z.coerce.number().int().min(1).max(3_650).default(365),
    oauthClientId: z.string().min(1).max(200).default('roster-okta'),
    oauthClientSecretSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the hex SHA-256 of the client secret (64 lower-case hex digits)').optional(),
    domainName: z.string().regex(domainPattern, 'must be a domain name, e.g. scim.example.com').optional(),
    certificateArn: z.string().regex(certificateArnPattern, 'must be an ACM certificate ARN').optional(),
  })
  .refine((context) => (context.domainName === undefined) === (context.certificateArn === undefined), {
    path: ['domainName'],
    error: 'domainName and certificateArn go together: set both for a custom domain, or neither',
  });

/** Invalid or missing context: the message is meant for the person running cdk, not a stack trace. */
export class ContextError extends Error {
  override readonly name = 'ContextError';
}

export const contextKeys = Object.keys(contextSchema.shape) as (keyof typeof contextSchema.shape)[];

/** Reads and validates every context key at once, so one run reports every problem. */
export function readSettings(lookup: (key: string) => unknown): RosterSettings {
  // `-c alarmEmail=` means "not set", not "set to the empty string".
  const raw = Object.fromEntries(contextKeys.map((key) => [key, lookup(key) === '' ? undefined : lookup(key)]));
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new ContextError(
      [
        'Invalid CDK context for Roster:',
        ...problems,
        'Pass values with -c, e.g. npx cdk deploy -c stage=prod -c mailFrom=example.com -c productUrl=https://app.example.com',
      ].join('\n'),
    );
  }
  const context = parsed.data;
  const identityKind = isEmail(context.mailFrom) ? 'email' : 'domain';
  return {
    stage: context.stage,
    mail: {
      identity: context.mailFrom,
      identityKind,
      fromAddress: identityKind === 'email' ? context.mailFrom : `no-reply@${context.mailFrom}`,
      createIdentity: context.createSesIdentity,
    },
    productUrl: context.productUrl,
    logRetention: context.logRetentionDays as RetentionDays,
    logLevel: context.logLevel,
    logDebugSampleRate: context.logDebugSampleRate,
    tokenCacheSeconds: context.tokenCacheSeconds,
    historyRetentionDays: context.historyRetentionDays,
    adminTokenDays: context.adminTokenDays,
    oauth: { clientId: context.oauthClientId, clientSecretSha256: context.oauthClientSecretSha256 },
    alarmEmail: context.alarmEmail,
    throttle: { rateLimit: context.throttleRate, burstLimit: context.throttleBurst },
    customDomain:
      context.domainName && context.certificateArn
        ? { domainName: context.domainName, certificateArn: context.certificateArn }
        : undefined,
  };
}

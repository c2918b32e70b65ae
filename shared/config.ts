import { z } from 'zod';

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
  STAGE: z.string().min(1).default('local'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Seconds a resolved token stays cached in a warm function (revocation delay). */
  TOKEN_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(15),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
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

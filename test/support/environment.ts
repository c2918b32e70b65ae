import '../../infra/local/quiet-sdk-warning.js';
import { inject } from 'vitest';

/**
 * Points the shared configuration at the run's DynamoDB Local and SES emulator. Import this first
 * in an integration test file, before anything that reads the configuration.
 */
process.env.TABLE_NAME = inject('tableName');
process.env.DYNAMODB_ENDPOINT = inject('dynamoDbEndpoint');
process.env.SES_ENDPOINT = inject('sesUrl');
process.env.AWS_REGION = 'us-east-1';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
// Metrics are EMF lines on stdout: as quiet as the logs, unless a test reads them.
process.env.METRICS_ENABLED = process.env.TEST_METRICS_ENABLED ?? 'false';
process.env.TOKEN_CACHE_SECONDS = '0';
process.env.LOCAL_STACK = 'true';
process.env.OAUTH_ALLOW_LOOPBACK_REDIRECTS = 'true';

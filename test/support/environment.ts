import '../../infra/local/quiet-sdk-warning.js';
import { inject } from 'vitest';
import { workerDatabase } from './worker-database.js';

/**
 * Points the shared configuration at this worker's DynamoDB Local and the run's SES emulator.
 * Import this first in an integration test file, before anything that reads the configuration.
 */
const database = workerDatabase();
process.env.TABLE_NAME = database.tableName;
process.env.DYNAMODB_ENDPOINT = database.endpoint;
process.env.SES_ENDPOINT = inject('sesUrl');
process.env.AWS_REGION = 'us-east-1';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
// Metrics are EMF lines on stdout: as quiet as the logs, unless a test reads them.
process.env.METRICS_ENABLED = process.env.TEST_METRICS_ENABLED ?? 'false';
process.env.TOKEN_CACHE_SECONDS = '0';
process.env.LOCAL_STACK = 'true';
process.env.OAUTH_ALLOW_LOOPBACK_REDIRECTS = 'true';

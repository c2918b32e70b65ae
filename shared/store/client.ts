import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { emitMetric } from '../metrics.js';
import { traceAwsCalls } from '../tracing.js';

/**
 * One document client per process, created at cold start. Every logical request passes through
 * the counting middleware, so tests and the benchmark can assert how many DynamoDB requests an
 * operation costs (retries are below this step and are not counted twice).
 */
let documentClient: DynamoDBDocumentClient | undefined;
/** The errors DynamoDB throttles with (seen here only once the SDK's own retries gave up). */
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);
/** Open recordings of countDynamoRequests; empty in production, so nothing accumulates. */
const recordings = new Set<string[]>();

export function db(): DynamoDBDocumentClient {
  documentClient ??= createDocumentClient();
  return documentClient;
}

export function tableName(): string {
  return config().TABLE_NAME;
}

function createDocumentClient(): DynamoDBDocumentClient {
  const { DYNAMODB_ENDPOINT, AWS_REGION } = config();
  const client = new DynamoDBClient({
    region: AWS_REGION,
    ...(DYNAMODB_ENDPOINT
      ? { endpoint: DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      for (const recording of recordings) recording.push(String(context.commandName ?? 'unknown'));
      return next(args);
    },
    { step: 'initialize', name: 'rosterRequestCounter' },
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (THROTTLING.has((error as Error).name)) emitMetric('DynamoDBThrottles');
        throw error;
      }
    },
    { step: 'initialize', name: 'rosterThrottleMetric' },
  );
  traceAwsCalls(client, 'DynamoDB');
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Runs `operation` and returns how many DynamoDB requests it made. */
export async function countDynamoRequests<T>(
  operation: () => Promise<T>,
): Promise<{ result: T; count: number; operations: string[] }> {
  const operations: string[] = [];
  recordings.add(operations);
  try {
    const result = await operation();
    return { result, count: operations.length, operations };
  } finally {
    recordings.delete(operations);
  }
}

export function resetDocumentClientForTests(): void {
  documentClient = undefined;
}

import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { log } from '../../shared/log.js';

/**
 * Stream consumer for team-member INSERT/MODIFY records (filtered by the event source mapping).
 * Issue [F] adds the notification rules and the email; until then it only acknowledges the batch,
 * so the stream pipeline (filter, batching, partial failures) is already exercised end to end.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  log('info', 'team member changes received', { records: event.Records.length });
  return { batchItemFailures: [] };
};

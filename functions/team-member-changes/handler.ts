import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { withInvocationLog } from '../../shared/log.js';
import { processTeamMemberChanges } from '../../shared/people/team-member-changes.js';

/**
 * Consumer of team-member INSERT/MODIFY stream records (filtered by the event source mapping):
 * refreshes effective settings, links reports to managers imported after them, and queues the
 * manager notifications that release-notifications sends — for the whole batch at once. The first
 * failed record is reported as the batch item failure, so it and the records after it are retried
 * (and end in the dead-letter queue if they keep failing).
 */
export const handler = withInvocationLog(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const firstFailure = await processTeamMemberChanges(event.Records);
  return { batchItemFailures: firstFailure ? [{ itemIdentifier: firstFailure }] : [] };
});

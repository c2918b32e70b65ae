import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { processTeamMemberChanges } from '../../shared/people/team-member-changes.js';

/**
 * Consumer of team-member INSERT/MODIFY stream records (filtered by the event source mapping).
 * Today it links reports to managers imported after them; the manager emails of issue [F] are
 * not built yet.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const firstFailure = await processTeamMemberChanges(event.Records);
  return { batchItemFailures: firstFailure ? [{ itemIdentifier: firstFailure }] : [] };
};

import type { DynamoDBRecord } from 'aws-lambda';

/**
 * Which stream records reach the notifier: INSERT/MODIFY of team-member items. The stack turns
 * this into the event source mapping's filter criteria; the local poller applies `matches`.
 */
export const notifierEventFilter = {
  eventNames: ['INSERT', 'MODIFY'] as const,
  itemType: 'TeamMember',
  /** Lambda event filter pattern (FilterCriteria.Filters[].Pattern). */
  pattern(): Record<string, unknown> {
    return {
      eventName: [...this.eventNames],
      dynamodb: { NewImage: { type: { S: [this.itemType] } } },
    };
  },
  matches(record: DynamoDBRecord): boolean {
    return (
      (notifierEventFilter.eventNames as readonly string[]).includes(record.eventName ?? '') &&
      record.dynamodb?.NewImage?.type?.S === notifierEventFilter.itemType
    );
  },
};

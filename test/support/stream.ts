import { inject } from 'vitest';
import { startStreamPoller, type StreamPoller } from '../../infra/local/stream-poller.js';

/** The local stack's stream poller on the run's table: real stream records into the deployed handler. */
export function startTestStreamPoller(): StreamPoller {
  return startStreamPoller({ endpoint: inject('dynamoDbEndpoint'), streamArn: inject('streamArn'), functionName: 'team-member-changes' });
}

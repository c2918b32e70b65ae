import { defineEntity } from '../entity.js';

const CHECKPOINT_TTL_SECONDS = 60 * 60;

/** Where the page starting at a startIndex resumes: the list index key to start after. */
export interface PageCheckpointRecord {
  startKey: Record<string, string>;
}

export const pageCheckpoint = defineEntity<PageCheckpointRecord>()({
  type: 'PageCheckpoint',
  key: { pk: 'T#{tenantId}#PAGE', sk: '{kind}#{startIndex}' },
  attributes: { startKey: 'value' },
  expiresAt: () => Math.floor(Date.now() / 1000) + CHECKPOINT_TTL_SECONDS,
});

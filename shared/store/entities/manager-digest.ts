import { defineEntity } from '../entity.js';

/**
 * The new reports queued for one manager and not yet emailed. A report joins with ADD (one set per
 * manager), each join moves `dueAt` (the debounce starts again) while `capAt` — set by the first —
 * bounds the wait; the release claims the digest, sends one email for the members it claimed and
 * then removes exactly those, so reports that joined meanwhile stay for the next email.
 */
export interface DigestRecord {
  /** Which of the digest partitions holds it (part of the key, not stored as an attribute). */
  shard: number;
  tenantId: string;
  managerId: string;
  memberIds: string[];
  dueAt: string;
  capAt?: string;
  claimId?: string;
  claimedAt?: string;
  failures?: number;
}

/** A digest nobody could send for this long is dropped by TTL (SES kept failing for two weeks). */
export const DIGEST_TTL_SECONDS = 14 * 24 * 3600;

export const managerDigest = defineEntity<Omit<DigestRecord, 'shard'>>()({
  type: 'ManagerDigest',
  key: { pk: 'NOTIFY#{shard}', sk: 'T#{tenantId}#M#{managerId}' },
  attributes: {
    tenantId: 'string',
    managerId: 'string',
    memberIds: { kind: 'set', default: () => [] },
    dueAt: 'string',
    capAt: 'string',
    claimId: 'string',
    claimedAt: 'string',
    failures: 'number',
  },
});

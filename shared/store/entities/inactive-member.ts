import { defineEntity } from '../entity.js';

/**
 * One per team member who is deactivated or hidden and not erased: since when it has been so
 * without a break, and the member's version this item is in step with. The stream consumer writes
 * it (off the request path) and removes it when the member is reactivated or erased; the erasure
 * after the company's retention finds the members inactive for longer than that in the company's
 * partition of the list index, oldest first, so a change of the retention needs nothing rewritten.
 * It lives in the member's own partition, so whatever finds a member (offboarding) finds it too.
 */
export interface InactiveMemberRecord {
  tenantId: string;
  memberId: string;
  /** When the member stopped being active (its write's `updatedAt`; later, never earlier, when unknown). */
  since: string;
  /** The member's version this item was last brought in step with. */
  version: number;
}

export const inactiveMember = defineEntity<InactiveMemberRecord>()({
  type: 'InactiveMember',
  key: { pk: 'T#{tenantId}#U#{memberId}', sk: '#INACTIVE' },
  attributes: {
    tenantId: 'string',
    memberId: 'string',
    since: 'string',
    version: 'number',
  },
  indexes: { list: { pk: 'T#{tenantId}#inactive', sk: '{since}#{memberId}' } },
});

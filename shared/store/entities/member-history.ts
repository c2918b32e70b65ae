import { defineEntity } from '../entity.js';

/** One change to a team member: who made it, when, and each changed value before and after. */
export interface MemberHistoryEntry {
  tenantId: string;
  memberId: string;
  at: string;
  /** `manager:<id>`, `admin`, `connection:<id>`, … */
  actor: string;
  event: string;
  changes: Array<{ field: string; from: unknown; to: unknown }>;
}

/** A member's history, in time order (`unique` tells apart entries of the same instant). */
export const memberHistory = defineEntity<MemberHistoryEntry>()({
  type: 'MemberHistory',
  key: { pk: 'T#{tenantId}#HIST#{memberId}', sk: '{at}#{unique}' },
  attributes: { tenantId: 'string', memberId: 'string', at: 'string', actor: 'string', event: 'string', changes: 'value' },
});

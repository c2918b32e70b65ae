import { defineEntity } from '../entity.js';

/**
 * One per team member who has ever been imported (created active, or first activated): when, and
 * whether — and to which manager — a notification was queued. It is what tells a first activation
 * from a reactivation, and what makes a repeated stream record queue nothing twice, so it is kept
 * as long as the member (no TTL).
 */
export interface ImportRecord {
  tenantId: string;
  memberId: string;
  importedAt: string;
  queuedAt?: string;
  managerId?: string;
  /** When the digest was due as queued (a later report of the same manager may push it back). */
  dueAt?: string;
  /**
   * What became of the import's notification: `sent`, or the rule that stopped it — when queueing
   * (NotQueuedReason) or at the digest's release (DigestSkip, `noLongerReports`).
   */
  outcome?: string;
  outcomeAt?: string;
  /** SES's id of the email that told the manager. */
  messageId?: string;
}

export const importRecord = defineEntity<ImportRecord>()({
  type: 'ImportRecord',
  key: { pk: 'T#{tenantId}#IMPORT#{memberId}', sk: '#IMPORT' },
  attributes: {
    tenantId: 'string',
    memberId: 'string',
    importedAt: 'string',
    queuedAt: 'string',
    managerId: 'string',
    dueAt: 'string',
    outcome: 'string',
    outcomeAt: 'string',
    messageId: 'string',
  },
});

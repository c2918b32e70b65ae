import { config } from '../../config.js';
import { defineEntity } from '../entity.js';

/** One change to a team member: who made it, when, and each changed value before and after. */
export interface MemberHistoryEntry {
  tenantId: string;
  memberId: string;
  at: string;
  /** `manager:<id>`, `admin`, `connection:<id>`, `roster` (Roster's own follow-ups). */
  actor: string;
  event: string;
  changes: Array<{ field: string; from: unknown; to: unknown }>;
  /** What the event needs beyond field changes: groups joined and left, a notification's manager and due time, … */
  detail?: Record<string, unknown>;
}

const DAY_SECONDS = 86_400;

/**
 * A member's history, in time order (`unique` tells apart entries of the same instant, and makes
 * writing the same entry again — a repeated stream record — overwrite it). Entries expire after
 * HISTORY_RETENTION_DAYS.
 */
export const memberHistory = defineEntity<MemberHistoryEntry>()({
  type: 'MemberHistory',
  key: { pk: 'T#{tenantId}#HIST#{memberId}', sk: '{at}#{unique}' },
  attributes: { tenantId: 'string', memberId: 'string', at: 'string', actor: 'string', event: 'string', changes: 'value', detail: 'value' },
  expiresAt: (entry) => Math.floor(Date.parse(entry.at) / 1000) + config().HISTORY_RETENTION_DAYS * DAY_SECONDS,
});

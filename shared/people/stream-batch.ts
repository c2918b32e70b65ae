import type { DynamoDBRecord } from 'aws-lambda';
import { describeError, log } from '../log.js';
import { emitMetric } from '../metrics.js';
import { teamMemberFromStreamImage, type TeamMemberRecord } from '../store/team-members.js';

/** One team member's change, as one stream record of the batch delivers it. */
export interface MemberChange {
  /** The record's place in the batch. */
  position: number;
  tenantId: string;
  /** The item after the change (the new image). */
  member: TeamMemberRecord;
  /** The item before it (the old image); none for an INSERT. */
  before: TeamMemberRecord | undefined;
  /** What caused the change, for the history: the record's sequence number. */
  cause: string;
  /** When the change was made. */
  at: string;
}

/**
 * A batch of stream records as the team members' changes they carry, and which record failed
 * first. Lambda's partial batch response retries the first failed record and every record after
 * it, so work done for later records may be repeated (everything the notifier writes is keyed or
 * conditioned to be repeatable) but every record before it must be fully handled: each step works
 * on the changes still `live` — before the first failure found so far.
 */
export class StreamBatch {
  readonly changes: MemberChange[] = [];
  private failedAt = Number.POSITIVE_INFINITY;

  constructor(private readonly records: DynamoDBRecord[], now: () => Date) {
    records.forEach((record, position) => {
      try {
        const member = teamMemberFromStreamImage(record.dynamodb?.NewImage as never);
        if (!member) return;
        const before = teamMemberFromStreamImage(record.dynamodb?.OldImage as never);
        const cause = record.dynamodb?.SequenceNumber ?? record.eventID ?? `${member.version}.${member.effectiveVersion}`;
        const at = member.changedAt ?? approximateTime(record) ?? now().toISOString();
        this.changes.push({ position, tenantId: member.tenantId, member, before, cause, at });
      } catch (error) {
        this.fail(position, error);
      }
    });
  }

  /** What a log line about one change names: its record, company and member (never a name or email). */
  logFields(change: MemberChange): { eventId: string | undefined; tenantId: string; memberId: string } {
    return { eventId: this.records[change.position]?.eventID, tenantId: change.tenantId, memberId: change.member.id };
  }

  /** The changes before the first failure found so far. */
  live(changes: readonly MemberChange[] = this.changes): MemberChange[] {
    return changes.filter((change) => change.position < this.failedAt);
  }

  isLive(change: MemberChange): boolean {
    return change.position < this.failedAt;
  }

  /** Notes that the record of `change` (or at `position`) could not be handled. */
  fail(change: MemberChange | number, error: unknown): void {
    const position = typeof change === 'number' ? change : change.position;
    const failed = this.changes.find((candidate) => candidate.position === position);
    log('error', 'team member change failed', { ...(failed ? this.logFields(failed) : { eventId: this.records[position]?.eventID }), ...describeError(error) });
    this.failedAt = Math.min(this.failedAt, position);
  }

  /** The sequence number of the first record that failed (it and those after it are retried), or undefined when all succeeded. */
  firstFailure(): string | undefined {
    if (!Number.isFinite(this.failedAt)) return undefined;
    emitMetric('StreamBatchFailures');
    const record = this.records[this.failedAt]!;
    return record.dynamodb?.SequenceNumber ?? record.eventID ?? 'unknown';
  }
}

function approximateTime(record: DynamoDBRecord): string | undefined {
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  return seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
}

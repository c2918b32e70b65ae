import type { Principal } from '../../auth/principal.js';
import { notFound } from '../../errors.js';
import { eraseHiddenMember } from '../../store/erasure.js';
import { getTeamMember, type TeamMemberRecord } from '../../store/team-members.js';
import { actorOf, ROSTER_ACTOR } from '../actors.js';
import { deleteTeamMember } from './team-members.js';

/**
 * Erases a person (a company's request under data-protection law): a visible member is first
 * deleted as a SCIM DELETE deletes (markers and edges released, out of its groups, counted out),
 * then its personal values are erased and its history redacted (store/erasure.ts). The SCIM id
 * answers 404 from then on. Erasing an erased member again changes nothing.
 */
export async function eraseTeamMember(principal: Principal, id: string): Promise<void> {
  const member = await getTeamMember(principal.tenantId, id);
  if (!member) throw notFound(`Team member ${id} not found.`);
  await eraseAsRead(principal, member, actorOf(principal));
}

/**
 * The erasure once the company's retention is over, by Roster itself: the same erasure, of the
 * member exactly as the caller read it. If anything wrote the member since (its provider
 * reactivated it, say), nothing is erased and the write's failed condition says so (412, or
 * VersionConflict once it is hidden).
 */
export async function eraseAfterRetention(member: TeamMemberRecord): Promise<void> {
  await eraseAsRead({ tenantId: member.tenantId, connectionId: ROSTER_ACTOR, scope: 'admin' }, member, ROSTER_ACTOR);
}

async function eraseAsRead(principal: Principal, member: TeamMemberRecord, actor: string): Promise<void> {
  if (member.erasedAt) return;
  let hidden = member;
  if (!member.deletedAt) {
    await deleteTeamMember(principal, member, actor);
    hidden = (await getTeamMember(principal.tenantId, member.id))!;
  }
  await eraseHiddenMember(hidden, new Date().toISOString(), principal.connectionId);
}

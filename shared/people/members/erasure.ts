import type { Principal } from '../../auth/principal.js';
import { notFound } from '../../errors.js';
import { eraseHiddenMember } from '../../store/erasure.js';
import { getTeamMember } from '../../store/team-members.js';
import { deleteTeamMember } from './team-members.js';

/**
 * Erases a person (a company's request under data-protection law): a visible member is first
 * deleted as a SCIM DELETE deletes (markers and edges released, out of its groups, counted out),
 * then its personal values are erased and its history redacted (store/erasure.ts). The SCIM id
 * answers 404 from then on. Erasing an erased member again changes nothing.
 */
export async function eraseTeamMember(principal: Principal, id: string): Promise<void> {
  let member = await getTeamMember(principal.tenantId, id);
  if (!member) throw notFound(`Team member ${id} not found.`);
  if (member.erasedAt) return;
  if (!member.deletedAt) {
    await deleteTeamMember(principal, member);
    member = (await getTeamMember(principal.tenantId, id))!;
  }
  await eraseHiddenMember(member, new Date().toISOString(), principal.connectionId);
}

import type { TeamMemberInput } from '../../people/members/profile-document.js';
import {
  createTeamMember,
  deleteTeamMember,
  getTeamMemberOrFail,
  replaceTeamMember,
  setTeamMemberActive,
} from '../../people/members/team-members.js';
import type { TeamMemberRecord } from '../../store/team-members.js';
import type { ScimResourceType } from '../resource-type.js';
import { USER_RESOURCE_SCHEMA } from '../schema/resource-schemas.js';
import { activationChange } from './user-activation.js';
import { toScimUser } from './user-resource.js';

/** SCIM Users ↔ team members. */
// The User body schema loads with the first request that has a body to check, and the PATCH
// engine with the first PATCH that changes more than `active` (Okta's deactivations do not).
const userInput = () => import('./user-input.js');
const patchEngine = () => import('../patch/apply.js');
// Lists and filters (their parser, paging) load with the first list or search: Okta's writes and
// reads by id do not need them.
const userListing = () => import('./user-listing.js');

export const userResourceType: ScimResourceType<TeamMemberRecord, TeamMemberInput> = {
  name: 'User',
  schema: USER_RESOURCE_SCHEMA,
  parse: async (body) => (await userInput()).parseUserBody(body),
  read: ({ principal }, id) => getTeamMemberOrFail(principal, id),
  create: async ({ principal }, input) => ({ record: await createTeamMember(principal, input) }),
  replace: ({ principal }, previous, input) => replaceTeamMember(principal, previous, input),

  /**
   * A deactivate/reactivate (only `active` changes) is a single conditional update; anything else
   * is applied to the current resource in memory, validated like a PUT and written as one
   * conditional transaction, so a PATCH lands whole or not at all.
   */
  patch: async ({ principal, baseUrl }, id, body, current, expectedVersion) => {
    const active = activationChange(body);
    if (active !== undefined) return setTeamMemberActive(principal, id, active, expectedVersion);
    const previous = await current();
    const patched = (await patchEngine()).applyPatch(toScimUser(previous, baseUrl), body, USER_RESOURCE_SCHEMA);
    return replaceTeamMember(principal, previous, (await userInput()).parseUserBody(patched));
  },

  remove: ({ principal }, previous) => deleteTeamMember(principal, previous),

  listSource: async (context) => (await userListing()).userListSource(context),

  toResource: async ({ baseUrl }, member) => toScimUser(member, baseUrl),
};

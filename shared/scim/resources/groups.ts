import {
  changeGroup,
  createGroup,
  deleteGroup,
  getGroupOrFail,
  groupMembers,
  replaceGroup,
  type GroupInput,
  type MembershipStep,
} from '../../people/groups/groups.js';
import type { GroupRecord } from '../../store/groups.js';
import type { GroupMember } from '../../store/memberships.js';
import { needsAttribute } from '../attributes.js';
import type { ScimResourceType } from '../resource-type.js';
import { GROUP_RESOURCE_SCHEMA } from '../schema/resource-schemas.js';
import { attributePatchBody, planGroupPatch, type MemberStep } from './group-patch.js';
import { toScimGroup } from './group-resource.js';

/** SCIM Groups ↔ groups; `Known` is the member list a POST already holds. */
// The Group body schema loads with the first request that has a body to check, and the PATCH
// engine with the first PATCH that changes attributes (Okta's membership changes do not).
const groupInput = () => import('./group-input.js');
// Lists and filters load with the first list or search: Okta's group pushes (PATCH) do not need them.
const groupListing = () => import('./group-listing.js');
const patchEngine = () => import('../patch/apply.js');

export const groupResourceType: ScimResourceType<GroupRecord, GroupInput, GroupMember[]> = {
  name: 'Group',
  schema: GROUP_RESOURCE_SCHEMA,
  parse: async (body) => (await groupInput()).parseGroupBody(body),
  read: ({ principal }, id) => getGroupOrFail(principal, id),
  create: async ({ principal }, input) => {
    const { group, members } = await createGroup(principal, input);
    return { record: group, known: members };
  },
  replace: ({ principal }, previous, input, expectedVersion) => replaceGroup(principal, previous, input, expectedVersion),

  /** Every operation validated (attributes applied to the current group in memory), then everything written. */
  patch: async ({ principal }, _id, body, current, expectedVersion) => {
    const plan = planGroupPatch(body);
    const previous = await current();
    const patched = plan.attributeOperations.length
      ? (await patchEngine()).applyPatch(toScimGroup(previous, ''), attributePatchBody(plan), GROUP_RESOURCE_SCHEMA)
      : undefined;
    const attributes = patched ? (await groupInput()).parseGroupBody({ ...patched, members: undefined }) : undefined;
    return changeGroup(principal, previous, { ...(attributes ? { attributes } : {}), memberSteps: plan.memberSteps.map(membershipStep) }, expectedVersion);
  },
  // Echoing a big group's members after every membership change would cost a full read; with
  // `attributes` the caller gets the resource it asks for.
  patchAnswersNoContent: true,

  remove: ({ principal }, previous, expectedVersion) => deleteGroup(principal, previous, expectedVersion),

  listSource: async (context) => (await groupListing()).groupListSource(context),

  // Member edges are read only when the answer includes members. Lists leave them out unless
  // `attributes` asks: a page of 100 big groups would otherwise read every membership edge of
  // every group (Okta's connection test lists groups).
  toResource: async ({ principal, baseUrl }, group, { projection, inList, known }) => {
    const wantsMembers = needsAttribute(projection, 'members', GROUP_RESOURCE_SCHEMA) && (!inList || Boolean(projection.attributes));
    const members = wantsMembers ? (known ?? (await groupMembers(principal, group.id))) : undefined;
    return toScimGroup(group, baseUrl, members);
  },
};

/** A member filter is evaluated on the member as SCIM shows it: a User reference. */
const membershipStep = (step: MemberStep): MembershipStep =>
  step.kind === 'removeMatching' ? { kind: 'removeMatching', matches: (memberId) => step.matches({ value: memberId, type: 'User' }) } : step;

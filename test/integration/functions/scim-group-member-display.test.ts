import '../../support/environment.js';
import '../../support/steady-state-caches.js';
import { describe, expect, it } from 'vitest';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { refreshMemberDisplay } from '../../../shared/store/memberships.js';
import { PATCH_OP, oktaUser } from '../../support/scim-client.js';
import { useScimWithStream } from '../../support/stream.js';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const stack = useScimWithStream();

const user = async (userName: string, overrides: Record<string, unknown> = {}) => {
  const response = await stack.scim.post('/Users', oktaUser(`${userName}@${stack.tenant.domain}`, overrides));
  expect(response.status).toBe(201);
  return response.body;
};
const displays = (group: { members?: Array<{ value: string; display?: string }> }) =>
  Object.fromEntries((group.members ?? []).map((member) => [member.value, member.display]));

describe('members.display: the member’s name, kept on the membership, never read from every member', () => {
  it('shows each member’s display name on create, read and PATCH add, at the same request counts', async () => {
    const [ada, grace] = [await user('ada.lovelace'), await user('grace.hopper', { displayName: undefined })];
    const created = await stack.scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Display names', members: [{ value: ada.id }] });
    expect(created.status).toBe(201);
    expect(displays(created.body)).toEqual({ [ada.id]: 'Ada Lovelace' });

    await stack.poller.drain();
    const added = await countDynamoRequests(() =>
      stack.scim.patch(`/Groups/${created.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: grace.id }] }] }),
    );
    // The stream's work is its own; the requests are those of a PATCH add and a GET without names.
    await stack.poller.drain();
    expect(added.operations).toEqual(['GetItemCommand', 'BatchGetItemCommand', 'TransactWriteItemsCommand']);
    const read = await countDynamoRequests(() => stack.scim.get(`/Groups/${created.body.id}`));
    // Without a displayName the given and family names make it.
    expect(displays(read.result.body)).toEqual({ [ada.id]: 'Ada Lovelace', [grace.id]: 'Grace Hopper' });
    expect(read.operations).toEqual(['GetItemCommand', 'QueryCommand']);
  });

  it('follows a rename of the member, from the stream', async () => {
    const member = await user('rename.me');
    const groups = await Promise.all(
      ['Renamed A', 'Renamed B'].map(async (displayName) => (await stack.scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName, members: [{ value: member.id }] })).body.id as string),
    );
    await stack.poller.drain();
    const renamed = await stack.scim.put(`/Users/${member.id}`, { ...member, displayName: 'Renata Named' });
    expect(renamed.status).toBe(200);
    await stack.poller.drain();
    for (const id of groups) expect(displays((await stack.scim.get(`/Groups/${id}`)).body)).toEqual({ [member.id]: 'Renata Named' });

    // Edges left with another name (an add that read the name just before a rename) heal: the
    // member's edges then carry a name that is not its own, and the stream rewrites them.
    const { version } = (await stack.scim.get(`/Users/${member.id}`)).body.meta;
    await refreshMemberDisplay(stack.tenant.tenantId, member.id, groups, 'Raced Name', Number(/\d+/.exec(version)![0]));
    await stack.poller.drain();
    for (const id of groups) expect(displays((await stack.scim.get(`/Groups/${id}`)).body)).toEqual({ [member.id]: 'Renata Named' });
  });

  it('never brings back a membership removed while the name was being rewritten', async () => {
    const member = await user('gone.member');
    const group = (await stack.scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Left behind', members: [{ value: member.id }] })).body;
    await stack.scim.patch(`/Groups/${group.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${member.id}"]` }] });
    // The stream rewriting the member's edges with a stale list of groups.
    await refreshMemberDisplay(stack.tenant.tenantId, member.id, [group.id], 'Stale Name', 1);
    expect((await stack.scim.get(`/Groups/${group.id}`)).body.members ?? []).toEqual([]);
  });
});

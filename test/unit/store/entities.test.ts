import { describe, expect, it } from 'vitest';
import { authorizationCode } from '../../../shared/store/entities/authorization-code.js';
import { assignment, seatType, workspace } from '../../../shared/store/entities/config-items.js';
import { connection } from '../../../shared/store/entities/connection.js';
import { consentTicket } from '../../../shared/store/entities/consent-ticket.js';
import { counterShard } from '../../../shared/store/entities/counter-shard.js';
import { awaitingEdgeKey, identifierEdge } from '../../../shared/store/entities/edges.js';
import { group } from '../../../shared/store/entities/group.js';
import { importRecord } from '../../../shared/store/entities/import-record.js';
import { managerDigest } from '../../../shared/store/entities/manager-digest.js';
import { membership } from '../../../shared/store/entities/membership.js';
import { pageCheckpoint } from '../../../shared/store/entities/page-checkpoint.js';
import { refreshToken } from '../../../shared/store/entities/refresh-token.js';
import { rejection } from '../../../shared/store/entities/rejection.js';
import { teamMember } from '../../../shared/store/entities/team-member.js';
import { tenantSettings } from '../../../shared/store/entities/tenant-settings.js';
import { token } from '../../../shared/store/entities/token.js';
import { groupExternalIdMarker, groupNameMarker, userExternalIdMarker, userNameMarker } from '../../../shared/store/entities/unique-markers.js';

// The stored key of every item type: changing one orphans every item already written.
describe('the key of every item', () => {
  const tenantId = 'acme';
  it.each([
    ['tenant settings', tenantSettings.key({ tenantId }), 'T#acme', 'SETTINGS'],
    ['counter shard', counterShard.key({ tenantId, kind: 'users', shard: 3 }), 'T#acme#COUNT', 'users#3'],
    ['page checkpoint', pageCheckpoint.key({ tenantId, kind: 'groups', startIndex: '0000000101' }), 'T#acme#PAGE', 'groups#0000000101'],
    ['token', token.key({ tokenHash: 'h' }), 'TOKEN#h', 'TOKEN'],
    ['team member', teamMember.key({ tenantId, id: 'u1' }), 'T#acme#U#u1', '#USER'],
    ['user name marker', userNameMarker.key({ tenantId, userName: 'Ada@Example.COM' }), 'T#acme#UN#ada@example.com', '#UNIQUE'],
    ['user external id marker', userExternalIdMarker.key({ tenantId, externalId: 'X1' }), 'T#acme#UX#X1', '#UNIQUE'],
    ['identifier edge', identifierEdge.key({ tenantId, identifier: 'email:a@b', userId: 'u1' }), 'T#acme#ID#email:a@b', 'U#u1'],
    ['awaiting edge', awaitingEdgeKey(tenantId, 'email:a@b', 'u1'), 'T#acme#AW', 'cDeRY_r2SArvC8I9Ee8K-V#U#u1'],
    ['seat type', seatType.key({ tenantId, id: 's1' }), 'T#acme#CONFIG', 'seat#s1'],
    ['workspace', workspace.key({ tenantId, id: 'w1' }), 'T#acme#CONFIG', 'workspace#w1'],
    ['assignment', assignment.key({ tenantId, id: 'a1' }), 'T#acme#CONFIG', 'assignment#a1'],
    ['rejection', rejection.key({ tenantId, at: '2024-01-01T00:00:00Z', unique: 'r' }), 'T#acme#REJECT', '2024-01-01T00:00:00Z#r'],
    ['group', group.key({ tenantId, id: 'g1' }), 'T#acme#G#g1', '#GROUP'],
    ['group name marker', groupNameMarker.key({ tenantId, displayName: 'Sales' }), 'T#acme#GN#sales', '#UNIQUE'],
    ['group external id marker', groupExternalIdMarker.key({ tenantId, externalId: 'G1' }), 'T#acme#GX#G1', '#UNIQUE'],
    ['membership', membership.key({ tenantId, groupId: 'g1', userId: 'u1' }), 'T#acme#G#g1', 'M#u1'],
    ['connection', connection.key({ tenantId, id: 'c1' }), 'T#acme#CONN', 'C#c1'],
    ['consent ticket', consentTicket.key({ ticketHash: 'h' }), 'OAUTH#CONSENT#h', 'CONSENT'],
    ['authorization code', authorizationCode.key({ codeHash: 'h' }), 'OAUTH#CODE#h', 'CODE'],
    ['refresh token', refreshToken.key({ tokenHash: 'h' }), 'OAUTH#REFRESH#h', 'REFRESH'],
    ['import record', importRecord.key({ tenantId, memberId: 'u1' }), 'T#acme#IMPORT#u1', '#IMPORT'],
    ['manager digest', managerDigest.key({ shard: 2, tenantId, managerId: 'm1' }), 'NOTIFY#2', 'T#acme#M#m1'],
  ])('%s', (_, key, pk, sk) => {
    expect(key).toEqual({ pk, sk });
  });

  it("files tokens in the company's tenant index by scope, so its admin tokens are one sort-key prefix", () => {
    const record = { tokenHash: 'h', tenantId, connectionId: 'admin', scope: 'admin' as const, createdAt: 't' };
    expect(token.indexAttributes(record)).toEqual({ gsi5pk: 'T#acme#ALL', gsi5sk: 'TOKEN#admin#h' });
    expect(token.indexAttributes({ ...record, connectionId: 'c1', scope: 'scim' })).toEqual({ gsi5pk: 'T#acme#ALL', gsi5sk: 'TOKEN#scim#h' });
    expect(token.indexSortPrefix('tenant', { scope: 'admin', tokenHash: 'ab12' })).toBe('TOKEN#admin#ab12');
  });

  it('lists, looks up and links team members and groups through the indexes', () => {
    const member = teamMember.toItem({
      tenantId, id: 'u1', version: 1, createdAt: 't', updatedAt: 't', createdBy: 'c', updatedBy: 'c', userName: 'Ada@X.com',
      externalId: 'X1', active: true, identifiers: [], attributes: {}, managerId: 'm1', awaiting: [], ownership: {} as never,
      resolved: {} as never, effectiveVersion: 0, groupIds: [],
    });
    expect(member).toMatchObject({
      gsi1pk: 'T#acme#users', gsi1sk: 'u1', gsi2pk: 'T#acme#users#name#ada@x.com', gsi2sk: 'users',
      gsi3pk: 'T#acme#users#ext#X1', gsi3sk: 'users', gsi4pk: 'T#acme#MGR#m1', gsi4sk: 'u1', gsi5pk: 'T#acme#ALL', gsi5sk: 'U#u1',
    });
    expect(group.indexAttributes({ tenantId, id: 'g1', displayName: 'Sales', version: 1, createdAt: 't', updatedAt: 't', createdBy: 'c', updatedBy: 'c' })).toEqual({
      gsi1pk: 'T#acme#groups', gsi1sk: 'g1', gsi2pk: 'T#acme#groups#name#sales', gsi2sk: 'groups', gsi5pk: 'T#acme#ALL', gsi5sk: 'G#g1',
    });
  });
});

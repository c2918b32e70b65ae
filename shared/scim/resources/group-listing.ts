import { countGroups, listGroupsByCursor, listGroupsByIndex } from '../../people/groups/group-directory.js';
import type { GroupRecord } from '../../store/groups.js';
import type { ListSource } from '../list-page.js';
import type { ScimContext } from '../resource-type.js';
import { findGroupsMatching } from './group-filter.js';

/** The company's groups as a SCIM list: by filter, by cursor, by startIndex, and their count. */
export const groupListSource = ({ principal: { tenantId } }: ScimContext): ListSource<GroupRecord> => ({
  matching: (filter) => findGroupsMatching(tenantId, filter),
  total: () => countGroups(tenantId),
  byCursor: (cursor, count) => listGroupsByCursor(tenantId, cursor, count),
  byIndex: (startIndex, count) => listGroupsByIndex(tenantId, startIndex, count),
});

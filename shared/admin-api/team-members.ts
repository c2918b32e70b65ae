import type { RouteHandler } from '../http/types.js';
import {
  editTeamMember,
  importProblems,
  listTeamMembersForAdmin,
  setDataCapture,
  teamMemberHistory,
  teamMemberWithReports,
} from '../people/members/team-member-admin.js';
import { eraseTeamMember } from '../people/members/erasure.js';
import { dataCaptureChange, historyQuery, teamMemberEdit, teamMemberQuery } from './team-member-schemas.js';
import { flaggedMemberView, historyEntryView, rejectionView, teamMemberSummary, teamMemberView } from './team-member-view.js';
import { idOf, ok, tenantOf } from './request.js';
import { validateInput } from './validate-input.js';

/** Team members as the admin sees and hand-edits them, and the import problems to look at. */
export const teamMembersApi = {
  list: async (request) => {
    const page = await listTeamMembersForAdmin(tenantOf(request), validateInput(teamMemberQuery, request.query));
    return ok({ teamMembers: page.items.map(teamMemberSummary), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
  },
  read: async (request) => ok(teamMemberView(await teamMemberWithReports(tenantOf(request), idOf(request)))),
  edit: async (request) => {
    const edit = validateInput(teamMemberEdit, request.body);
    await editTeamMember(request.principal, idOf(request), edit);
    return ok(teamMemberView(await teamMemberWithReports(tenantOf(request), idOf(request))));
  },
  history: async (request) => {
    const page = await teamMemberHistory(tenantOf(request), idOf(request), validateInput(historyQuery, request.query));
    return ok({ entries: page.items.map(historyEntryView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
  },
  setDataCapture: async (request) => {
    const change = validateInput(dataCaptureChange, request.body);
    await setDataCapture(tenantOf(request), idOf(request), change);
    return ok(teamMemberView(await teamMemberWithReports(tenantOf(request), idOf(request))));
  },
  erase: async (request) => {
    await eraseTeamMember(request.principal, idOf(request));
    return { status: 204 };
  },
  importErrors: async (request) => {
    const problems = await importProblems(tenantOf(request), request.query.cursor);
    return ok({
      rejectedImports: problems.rejections.map(rejectionView),
      flaggedTeamMembers: problems.flagged.map(flaggedMemberView),
      ...(problems.nextCursor ? { nextCursor: problems.nextCursor } : {}),
    });
  },
} satisfies Record<string, RouteHandler>;

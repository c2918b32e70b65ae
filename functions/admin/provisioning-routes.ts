import type { HttpRequest, RouteHandler } from '../../shared/http/types.js';
import { notFound } from '../../shared/errors.js';
import type { RouteKeyOf } from '../../shared/routes.js';
import {
  createAssignment,
  createSeatType,
  createWorkspace,
  deleteAssignment,
  getCompanyConfig,
  updateAssignment,
  updateSeatType,
  updateWorkspace,
} from '../../shared/people/company/company-config-admin.js';
import { getCompanySettings, updateCompanySettings } from '../../shared/people/company/company-settings-admin.js';
import { editTeamMember, importErrors, listTeamMembersForAdmin, setDataCapture, teamMemberView } from '../../shared/people/members/team-member-admin.js';

const tenant = (request: HttpRequest) => request.principal.tenantId;
const id = (request: HttpRequest) => request.pathParameters.id!;
const ok = (body: unknown, status = 200) => ({ status, body });

/** The admin API of provisioning (issue [E]): settings, seats, workspaces, assignments, team members, import errors. */
export const provisioningRoutes = {
  'GET /admin/v1/settings': async (request) => ok(await getCompanySettings(tenant(request))),
  'PUT /admin/v1/settings': async (request) => ok(await updateCompanySettings(tenant(request), request.body)),

  'GET /admin/v1/seats': async (request) => ok({ seats: (await getCompanyConfig(tenant(request))).seatTypes }),
  'POST /admin/v1/seats': async (request) => ok(await createSeatType(tenant(request), request.body), 201),
  'PUT /admin/v1/seats/{id}': async (request) => ok(await updateSeatType(tenant(request), id(request), request.body)),

  'GET /admin/v1/workspaces': async (request) => ok({ workspaces: (await getCompanyConfig(tenant(request))).workspaces }),
  'POST /admin/v1/workspaces': async (request) => ok(await createWorkspace(tenant(request), request.body), 201),
  'PUT /admin/v1/workspaces/{id}': async (request) => ok(await updateWorkspace(tenant(request), id(request), request.body)),

  'GET /admin/v1/assignments': async (request) => ok({ assignments: (await getCompanyConfig(tenant(request))).assignments }),
  'POST /admin/v1/assignments': async (request) => ok(await createAssignment(tenant(request), request.body), 201),
  'GET /admin/v1/assignments/{id}': async (request) => {
    const assignment = (await getCompanyConfig(tenant(request))).assignments.find((candidate) => candidate.id === id(request));
    if (!assignment) throw notFound(`Assignment ${id(request)} not found.`);
    return ok(assignment);
  },
  'PUT /admin/v1/assignments/{id}': async (request) => ok(await updateAssignment(tenant(request), id(request), request.body)),
  'DELETE /admin/v1/assignments/{id}': async (request) => {
    await deleteAssignment(tenant(request), id(request));
    return { status: 204 };
  },

  'GET /admin/v1/team-members': async (request) => ok(await listTeamMembersForAdmin(tenant(request), request.query)),
  'GET /admin/v1/team-members/{id}': async (request) => ok(await teamMemberView(tenant(request), id(request))),
  'PATCH /admin/v1/team-members/{id}': async (request) => ok(await editTeamMember(request.principal, id(request), request.body)),
  'PUT /admin/v1/team-members/{id}/data-capture': async (request) => ok(await setDataCapture(tenant(request), id(request), request.body)),

  'GET /admin/v1/import-errors': async (request) => ok(await importErrors(tenant(request), request.query.cursor)),
} satisfies Partial<Record<RouteKeyOf<'admin'>, RouteHandler>>;

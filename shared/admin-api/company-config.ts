import type { RouteHandler } from '../http/types.js';
import {
  createAssignment,
  createSeatType,
  createWorkspace,
  deleteAssignment,
  getAssignment,
  getCompanyConfig,
  updateAssignment,
  updateSeatType,
  updateWorkspace,
} from '../people/company/company-config-admin.js';
import { assignmentInput, seatTypeInput, workspaceInput } from '../people/company/settings-schemas.js';
import { idOf, noContent, ok, tenantOf } from './request.js';
import { validateInput } from './validate-input.js';

/** Seat types, workspaces and assignments as the admin API reads and writes them. */
export const seatTypesApi = {
  list: async (request) => ok({ seats: (await getCompanyConfig(tenantOf(request))).seatTypes }),
  create: async (request) => ok(await createSeatType(tenantOf(request), validateInput(seatTypeInput, request.body)), 201),
  update: async (request) => ok(await updateSeatType(tenantOf(request), idOf(request), validateInput(seatTypeInput, request.body))),
} satisfies Record<string, RouteHandler>;

export const workspacesApi = {
  list: async (request) => ok({ workspaces: (await getCompanyConfig(tenantOf(request))).workspaces }),
  create: async (request) => ok(await createWorkspace(tenantOf(request), validateInput(workspaceInput, request.body)), 201),
  update: async (request) => ok(await updateWorkspace(tenantOf(request), idOf(request), validateInput(workspaceInput, request.body))),
} satisfies Record<string, RouteHandler>;

export const assignmentsApi = {
  list: async (request) => ok({ assignments: (await getCompanyConfig(tenantOf(request))).assignments }),
  create: async (request) => ok(await createAssignment(tenantOf(request), validateInput(assignmentInput, request.body)), 201),
  read: async (request) => ok(await getAssignment(tenantOf(request), idOf(request))),
  update: async (request) => ok(await updateAssignment(tenantOf(request), idOf(request), validateInput(assignmentInput, request.body))),
  remove: async (request) => {
    await deleteAssignment(tenantOf(request), idOf(request));
    return noContent();
  },
} satisfies Record<string, RouteHandler>;

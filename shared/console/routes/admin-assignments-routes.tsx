import { RosterError } from '../../errors.js';
import { previewAssignment } from '../../people/company/assignment-preview.js';
import { createAssignment, deleteAssignment, getAssignment, getCompanyConfig, moveAssignment, updateAssignment } from '../../people/company/company-config-admin.js';
import { assignmentInput } from '../../people/company/settings-schemas.js';
import { findGroupsBy, getGroups, listGroupsByCursor } from '../../people/groups/group-directory.js';
import { htmlResult, redirect } from '../components/layout.js';
import type { ConsoleRequest, ConsoleResult, ConsoleRoute } from '../console-types.js';
import { draftOfAssignment, draftOfForm, inputOfDraft, newAssignmentDraft, type AssignmentDraft } from '../forms/assignment-form.js';
import { parseForm } from '../forms/form-values.js';
import { AssignmentFormPage, AssignmentsPage, DeleteAssignmentPage } from '../pages/admin/assignments-page.js';
import { signedInAdmin, type SignedIn } from '../viewer.js';

const LIST = '/console/admin/assignments';
const GROUPS_PER_PAGE = 20;
const NEW = 'new';

/** The assignment of the path, or none for `new`. */
const idOf = (request: ConsoleRequest): string | undefined => (request.pathParameters.id === NEW ? undefined : request.pathParameters.id!);

/**
 * The form with the groups it shows: the picked ones by name (one batch read), and either the
 * groups of a name (the lookup index) or one page of all groups (the list index) — never all.
 */
async function formPage(who: SignedIn, request: ConsoleRequest, draft: AssignmentDraft, status: number, extra: { preview?: Awaited<ReturnType<typeof previewAssignment>>; problems?: string[] } = {}): Promise<ConsoleResult> {
  const tenantId = who.session.tenantId;
  const search = (request.params.groupSearch ?? '').trim().slice(0, 256);
  const browse = request.method === 'POST' && !search && (request.params.action === 'search' || request.params.action === 'moreGroups');
  const cursor = request.params.action === 'moreGroups' ? request.params.groupsCursor : undefined;
  const [config, picked, found] = await Promise.all([
    getCompanyConfig(tenantId),
    getGroups(tenantId, draft.groupIds),
    search ? findGroupsBy(tenantId, 'displayName', search).then((items) => ({ items, nextCursor: undefined })) : browse ? listGroupsByCursor(tenantId, cursor, GROUPS_PER_PAGE) : undefined,
  ]);
  const id = idOf(request);
  return htmlResult(
    status,
    <AssignmentFormPage
      viewer={who.viewer}
      {...(id ? { id } : {})}
      draft={draft}
      config={config}
      picked={picked.sort((a, b) => a.displayName.localeCompare(b.displayName))}
      found={(found?.items ?? []).filter((group) => !draft.groupIds.includes(group.id))}
      search={search}
      {...(found?.nextCursor ? { nextGroupsCursor: found.nextCursor } : {})}
      {...extra}
    />,
  );
}

const problemOf = (error: unknown): string => {
  if (error instanceof RosterError && error.status < 500) return error.message;
  throw error;
};

/** Assignments: listed in priority order, reordered, added, edited (after a preview) and deleted, through the domain's operations. */
export const adminAssignmentsRoutes = {
  'GET /console/admin/assignments': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const notice = request.params.saved ? `Saved ${request.params.saved}.` : request.params.deleted ? `Deleted ${request.params.deleted}.` : undefined;
    return htmlResult(200, <AssignmentsPage viewer={who.viewer} config={await getCompanyConfig(who.session.tenantId)} {...(notice ? { notice } : {})} />);
  },

  'GET /console/admin/assignments/{id}': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const id = idOf(request);
    const draft = id ? draftOfAssignment(await getAssignment(who.session.tenantId, id)) : newAssignmentDraft((await getCompanyConfig(who.session.tenantId)).assignments);
    return formPage(who, request, draft, 200);
  },

  'POST /console/admin/assignments/{id}': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const tenantId = who.session.tenantId;
    const id = idOf(request);
    if (id) await getAssignment(tenantId, id);
    const draft = draftOfForm(request.params);
    const action = request.params.action;
    if (action !== 'preview' && action !== 'save') return formPage(who, request, draft, 200);
    const parsed = parseForm(assignmentInput, inputOfDraft(draft));
    if (!parsed.ok) return formPage(who, request, draft, 400, { problems: parsed.problems });
    try {
      if (action === 'preview') return formPage(who, request, draft, 200, { preview: await previewAssignment(tenantId, { id: id ?? NEW, ...parsed.value }) });
      if (id) await updateAssignment(tenantId, id, parsed.value);
      else await createAssignment(tenantId, parsed.value);
    } catch (error) {
      return formPage(who, request, draft, (error as RosterError).status ?? 400, { problems: [problemOf(error)] });
    }
    return redirect(`${LIST}?saved=${encodeURIComponent(parsed.value.name)}`);
  },

  'POST /console/admin/assignments/{id}/move': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const direction = request.params.direction;
    if (direction !== 'up' && direction !== 'down') throw new RosterError(400, 'Move an assignment up or down.');
    await moveAssignment(who.session.tenantId, request.pathParameters.id!, direction);
    return redirect(LIST);
  },

  'GET /console/admin/assignments/{id}/delete': async (request) => {
    const who = await signedInAdmin(request, LIST);
    return htmlResult(200, <DeleteAssignmentPage viewer={who.viewer} assignment={await getAssignment(who.session.tenantId, request.pathParameters.id!)} />);
  },

  'POST /console/admin/assignments/{id}/delete': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const assignment = await getAssignment(who.session.tenantId, request.pathParameters.id!);
    await deleteAssignment(who.session.tenantId, assignment.id);
    return redirect(`${LIST}?deleted=${encodeURIComponent(assignment.name)}`);
  },
} satisfies Record<string, ConsoleRoute>;

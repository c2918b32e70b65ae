import type { Assignment, Grant } from '../../people/company/settings-model.js';
import { EMPTY_GRANT } from '../../people/company/settings-model.js';
import { grantFromForm } from './grant-form.js';
import { checkedUnder } from './form-values.js';

/** An assignment as its form holds it: `group.<id>=on` for each picked group. */
export interface AssignmentDraft {
  name: string;
  priority: string;
  updateMode: string;
  groupIds: string[];
  grant: Grant;
}

export const draftOfAssignment = (assignment: Assignment): AssignmentDraft => ({
  name: assignment.name,
  priority: String(assignment.priority),
  updateMode: assignment.updateMode,
  groupIds: assignment.groupIds,
  grant: { seatTypeIds: assignment.seatTypeIds, permissions: assignment.permissions, dataCapture: assignment.dataCapture },
});

/** A new assignment comes after every existing one. */
export const newAssignmentDraft = (assignments: Assignment[]): AssignmentDraft => ({
  name: '',
  priority: String(Math.max(0, ...assignments.map((assignment) => assignment.priority)) + 10),
  updateMode: 'automatic',
  groupIds: [],
  grant: EMPTY_GRANT,
});

export const draftOfForm = (params: Record<string, string>): AssignmentDraft => ({
  name: params.name ?? '',
  priority: params.priority ?? '',
  updateMode: params.updateMode ?? '',
  groupIds: checkedUnder(params, 'group.'),
  grant: grantFromForm(params),
});

/** The input the domain's assignment schema checks. */
export const inputOfDraft = (draft: AssignmentDraft) => ({
  name: draft.name,
  priority: draft.priority.trim() === '' ? Number.NaN : Number(draft.priority),
  updateMode: draft.updateMode,
  groupIds: draft.groupIds,
  ...draft.grant,
});

import type { CompanyConfig, EffectiveSettings } from '../../store/company-config.js';
import { DEFAULT_ASSIGNMENT_ID } from './settings-model.js';

/** The name people see for the assignment governing a member ("Default" when no group's applies). */
export function assignmentName(member: { effective?: Pick<EffectiveSettings, 'assignmentId'> }, config: Pick<CompanyConfig, 'assignments'>): string {
  const id = member.effective?.assignmentId ?? DEFAULT_ASSIGNMENT_ID;
  return config.assignments.find((assignment) => assignment.id === id)?.name ?? (id === DEFAULT_ASSIGNMENT_ID ? 'Default' : id);
}

import { fullNameKey } from '../../profile/names.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA } from './profile-document.js';

type Json = Record<string, unknown>;

/** The identifier edges a member is found by (lookups, manager links), each kind with its prefix. */
export const identifier = {
  email: (email: string) => `email:${email.toLowerCase()}`,
  employeeNumber: (value: string) => `employeeNumber:${value}`,
  fullName: (key: string) => `fullName:${key}`,
  id: (id: string) => `id:${id}`,
  externalId: (externalId: string) => `externalId:${externalId}`,
};

/** What the member's profile says about its manager; resolved against the directory later. */
export interface ManagerReference {
  email?: string;
  /** enterprise manager.value: a Roster id, else an externalId, else an employeeNumber. */
  value?: string;
  fullNameKey?: string;
}

/** The manager fields of a member's (stored or incoming) attributes. */
export function managerReferenceOf(attributes: Record<string, unknown>): ManagerReference {
  const roster = (attributes[ROSTER_USER_SCHEMA] ?? {}) as Json;
  const enterprise = (attributes[ENTERPRISE_USER_SCHEMA] ?? {}) as Json;
  const email = (roster.managerEmail as string | undefined)?.trim().toLowerCase();
  const value = (enterprise.manager as { value?: string } | undefined)?.value?.trim();
  const fullName = fullNameKey(roster.managerFullName as string | undefined);
  return { ...(email ? { email } : {}), ...(value ? { value } : {}), ...(fullName ? { fullNameKey: fullName } : {}) };
}

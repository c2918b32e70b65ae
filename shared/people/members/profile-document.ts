/**
 * A member's profile as stored: one document keyed like a SCIM User — core attributes at the top,
 * each extension's attributes under its schema URN — so what the identity provider sent is kept
 * whole, and provisioning rules, hand edits and the SCIM layer all read the same shape.
 */
export type ProfileDocument = Record<string, unknown>;

/** The key of the enterprise attributes (employeeNumber, manager, department, …). */
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/** The key of Roster's own attributes (manager email and name, country, state or province, …). */
export const ROSTER_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:roster:2.0:User';

/** What a writer says a member is: identity, whether active, and the profile document. */
export interface TeamMemberInput {
  userName: string;
  externalId?: string;
  active: boolean;
  attributes: ProfileDocument;
}

import { expect } from 'vitest';
import type { StreamPoller } from '../../infra/local/stream-poller.js';
import { oktaUser, PATCH_OP, type ScimClient } from './scim-client.js';
import { tenantItems } from './table-scan.js';

let people = 0;
let reports = 0;

/** The values of a person that erasure must leave nowhere. */
export type PersonalValues = Readonly<Record<string, string>>;

/**
 * A person with many personal values, changed by the provider (history written by the stream), in
 * a group, managing someone: what an erasure has to find in every item it touches.
 */
export async function erasablePerson(scim: ScimClient, poller: StreamPoller, domain: string, local: string) {
  const values = {
    userName: `${local}@${domain}`,
    givenName: `Given${local}`,
    familyName: `Family${local}`,
    // Each person's own number: a value another person also holds could not tell an erasure's leftover.
    phone: `+1 415 555 ${String(100 + (people += 1)).padStart(4, '0')}`,
    title: `Title of ${local}`,
    newTitle: `Promoted ${local}`,
    externalId: `okta-${local}`,
    employeeNumber: `EMP-${local}`,
  };
  const created = await scim.post(
    '/Users',
    oktaUser(values.userName, {
      externalId: values.externalId,
      name: { givenName: values.givenName, familyName: values.familyName },
      phoneNumbers: [{ value: values.phone, type: 'work' }],
      title: values.title,
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { employeeNumber: values.employeeNumber },
    }),
  );
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await scim.patch(`/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { title: values.newTitle } }] })).status).toBe(200);
  // The stream writes the history: the title change's entry holds both values.
  await poller.drain();
  const group = await scim.post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `Group of ${local}`, members: [{ value: id }] });
  expect(group.status).toBe(201);
  const report = await scim.post('/Users', oktaUser(`report.${(reports += 1)}@${domain}`, { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: { value: id } } }));
  expect(report.status).toBe(201);
  return { id, values, groupId: group.body.id as string };
}

/** Those of the person's values that some stored item of the company still holds (case-insensitive). */
export async function personalValuesLeft(tenantId: string, values: PersonalValues): Promise<string[]> {
  const stored = JSON.stringify(await tenantItems(tenantId)).toLowerCase();
  return Object.values(values).filter((value) => stored.includes(value.toLowerCase()) || stored.includes(value.replace(/\s/g, '').toLowerCase()));
}

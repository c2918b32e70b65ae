import type { Principal } from '../../shared/auth/principal.js';
import { createAssignment, createSeatType } from '../../shared/people/company/company-config-admin.js';
import { NO_DATA_CAPTURE } from '../../shared/people/company/settings-model.js';
import { refreshEffectiveSettings } from '../../shared/people/company/refresh-effective-settings.js';
import { createGroup } from '../../shared/people/groups/groups.js';
import { ROSTER_USER_SCHEMA } from '../../shared/people/members/profile-document.js';
import { createTeamMember } from '../../shared/people/members/team-members.js';


/** The demo people a newcomer signs in as: a manager and two reports, as Okta would push them. */
export const DEMO_PEOPLE = {
  manager: { email: 'maria.manager@example.com', givenName: 'Maria', familyName: 'Manager', title: 'Head of Sales' },
  coached: { email: 'jane.coached@example.com', givenName: 'Jane', familyName: 'Coached', title: 'Account Executive' },
  newcomer: { email: 'omar.new@example.com', givenName: 'Omar', familyName: 'New', title: 'Sales Development Rep' },
} as const;

/**
 * People for the console, with their own seat type and group so the Sales and Support examples stay
 * untouched: "Coaching" applies once (manual) with a Coach seat that unlocks data capture, so Maria
 * can switch Jane's data capture on "My team"; Omar, under the default assignment, has no seat for it.
 */
export async function seedDemoPeople(principal: Principal): Promise<void> {
  const coach = await createSeatType(principal.tenantId, { name: 'Coach', total: 5, capabilities: ['dataCapture'] });
  const person = (who: (typeof DEMO_PEOPLE)[keyof typeof DEMO_PEOPLE], managerEmail?: string) =>
    createTeamMember(principal, {
      userName: who.email,
      active: true,
      attributes: {
        name: { givenName: who.givenName, familyName: who.familyName },
        displayName: `${who.givenName} ${who.familyName}`,
        title: who.title,
        emails: [{ value: who.email, type: 'work', primary: true }],
        ...(managerEmail ? { [ROSTER_USER_SCHEMA]: { managerEmail } } : {}),
      },
    });
  const maria = await person(DEMO_PEOPLE.manager);
  const jane = await person(DEMO_PEOPLE.coached, DEMO_PEOPLE.manager.email);
  const omar = await person(DEMO_PEOPLE.newcomer, DEMO_PEOPLE.manager.email);
  const coaching = (await createGroup(principal, { displayName: 'Coaching', memberIds: [jane.id] })).group;
  await createAssignment(principal.tenantId, {
    name: 'Coaching',
    groupIds: [coaching.id],
    seatTypeIds: [coach.id],
    permissions: {},
    dataCapture: { ...NO_DATA_CAPTURE, webConferences: 'record', calendarMeetings: true },
    updateMode: 'manual',
    priority: 30,
  });
  // Seeding runs before the stream poller starts reading, so settings are brought up to date here.
  for (const member of [maria, omar]) await refreshEffectiveSettings(principal.tenantId, member.id);
}

import { randomUUID } from 'node:crypto';
import type { Principal } from '../../shared/auth/principal.js';
import { createTeamMember } from '../../shared/people/members/team-members.js';
import { parseUserBody } from '../../shared/scim/resources/user-input.js';
import { seedMemberEdges } from '../../shared/store/memberships.js';
import { userBody, userToken } from './okta-requests.js';
import { inParallel } from './parallel.js';
import { progress } from './progress.js';

// DynamoDB Local serialises transactions: more than 8 creates in flight only queue.
const SEED_CONCURRENCY = 8;
const EDGES_PER_STEP = 5_000;

/**
 * Creates team members userToken(prefix, 0 … total − 1) (okta-requests.ts) through the domain
 * operation POST /Users calls: the same validation and items, without HTTP, which makes it faster
 * than POSTing them (DynamoDB Local's transactions are the limit either way).
 */
export async function seedUsers(principal: Principal, domain: string, prefix: string, total: number): Promise<string[]> {
  const ids: string[] = new Array(total);
  const shown = progress(`seeding ${total.toLocaleString('en')} users (${prefix})`, total);
  await inParallel(total, SEED_CONCURRENCY, async (index) => {
    const member = await createTeamMember(principal, parseUserBody(userBody(domain, userToken(prefix, index))));
    ids[index] = member.id;
    shown.add(1);
  });
  shown.finish();
  return ids;
}

/** Adds `total` membership edges (of made-up member ids) to a group, in steps so progress shows. */
export async function seedEdges(tenantId: string, groupId: string, total: number): Promise<void> {
  const shown = progress(`seeding ${total.toLocaleString('en')} membership edges`, total);
  for (let done = 0; done < total; done += EDGES_PER_STEP) {
    const step = Math.min(EDGES_PER_STEP, total - done);
    await seedMemberEdges(tenantId, groupId, Array.from({ length: step }, () => randomUUID()));
    shown.add(step);
  }
  shown.finish();
}

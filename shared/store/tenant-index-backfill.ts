import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import type { Entity, Item } from './entity.js';
import { authorizationCode } from './entities/authorization-code.js';
import { consentTicket } from './entities/consent-ticket.js';
import { oidcAttempt, rateWindow, session, signInLink } from './entities/console-sign-in.js';
import { group } from './entities/group.js';
import { refreshToken } from './entities/refresh-token.js';
import { teamMember } from './entities/team-member.js';
import { tenantSettings } from './entities/tenant-settings.js';
import { token } from './entities/token.js';
import { INDEXES } from './table.js';
import { conditionalUpdate } from './writes.js';

/** Every entity that populates the tenant index (a unit test checks none is missing). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TENANT_INDEXED: ReadonlyArray<Entity<any, string, string>> = [teamMember, group, token, session, signInLink, oidcAttempt, rateWindow, authorizationCode, consentTicket, refreshToken, tenantSettings];

const byType = new Map(TENANT_INDEXED.map((entity) => [entity.type, entity]));

export interface BackfillProgress {
  /** Items read so far. */
  scanned: number;
  /** Items that should be in the tenant index under other keys than they have (or none). */
  missing: number;
  /** Of those, the ones given their tenant-index keys (0 on a dry run). */
  written: number;
}

/**
 * Writes the tenant index's keys onto items written before the index existed, or before their
 * index key took its present shape (tokens: `TOKEN#<hash>` became `TOKEN#<scope>#<hash>`), so that
 * offboarding, export, `companies list` and the token lists find them. The one place Roster scans
 * the table: an operator's one-time migration, never a request path. Each write is conditional (the
 * item still exists and still has the keys it was read with), so it is safe to run while Roster
 * serves, and to run again.
 */
export async function backfillTenantIndex({ dryRun, segments = 4, onPage }: { dryRun: boolean; segments?: number; onPage?: (progress: BackfillProgress) => void }): Promise<BackfillProgress> {
  const progress: BackfillProgress = { scanned: 0, missing: 0, written: 0 };
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let from: Record<string, unknown> | undefined;
      do {
        const page = await db().send(new ScanCommand({ TableName: tableName(), Segment: segment, TotalSegments: segments, ...(from ? { ExclusiveStartKey: from } : {}) }));
        progress.scanned += page.ScannedCount ?? 0;
        for (const item of (page.Items ?? []) as Item[]) {
          const keys = byType.get(String(item.type))?.indexKeyOf('tenant', item);
          if (!keys || Object.entries(keys).every(([name, value]) => item[name] === value)) continue;
          progress.missing += 1;
          if (!dryRun && (await writeIndexKeys(item, keys))) progress.written += 1;
        }
        onPage?.({ ...progress });
        from = page.LastEvaluatedKey;
      } while (from);
    }),
  );
  return progress;
}

function writeIndexKeys(item: Item, keys: Record<string, string>): Promise<boolean> {
  const { partition, sort } = INDEXES.tenant;
  const old = item[sort];
  return conditionalUpdate({
    Key: { pk: item.pk, sk: item.sk },
    UpdateExpression: 'SET #partition = :partition, #sort = :sort',
    ConditionExpression: old === undefined ? 'attribute_exists(pk) AND attribute_not_exists(#sort)' : 'attribute_exists(pk) AND #sort = :old',
    ExpressionAttributeNames: { '#partition': partition, '#sort': sort },
    ExpressionAttributeValues: { ':partition': keys[partition], ':sort': keys[sort], ...(old === undefined ? {} : { ':old': old }) },
  });
}

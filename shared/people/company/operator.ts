import { exportCompanyLines, importCompanyLines, type ExportLine } from '../../store/company-copy.js';
import { moveAwaitingEdges } from '../../store/awaiting-edge-move.js';
import { companyItemSteps, companyMemberPages, deleteItems, listCompanyIds } from '../../store/company-items.js';
import { listConnections, type ConnectionRecord } from '../../store/connections.js';
import { readCount } from '../../store/counters.js';
import { startInactivity } from '../../store/inactive-members.js';
import { getTenant, getTenants, setTenantSuspension, type TenantRecord } from '../../store/tenants.js';
import { forgetCompanySettings } from './companies.js';

/**
 * What the operator's CLI does to whole companies: list, show, suspend and resume, count and
 * delete everything of one. None of it runs on a request path (it reads the whole tenant index,
 * the list of every company included; the functions may Query only a company's admin tokens in it).
 */
export interface CompanySummary {
  company: TenantRecord;
  members: number;
  groups: number;
}

export async function listCompanies(): Promise<CompanySummary[]> {
  const companies = await getTenants(await listCompanyIds());
  return Promise.all(companies.map(async (company) => ({ company, ...(await counts(company.tenantId)) })));
}

export async function showCompany(tenantId: string): Promise<(CompanySummary & { connections: ConnectionRecord[] }) | undefined> {
  const company = await getTenant(tenantId);
  if (!company) return undefined;
  const [numbers, connections] = await Promise.all([counts(tenantId), listConnections(tenantId)]);
  return { company, ...numbers, connections };
}

async function counts(tenantId: string): Promise<{ members: number; groups: number }> {
  const [members, groups] = await Promise.all([readCount(tenantId, 'users'), readCount(tenantId, 'groups')]);
  return { members, groups };
}

/** Suspends a company (false: no such company). Requests are refused within the token and settings caches' time. */
export async function suspendCompany(tenantId: string, reason: string): Promise<boolean> {
  const done = await setTenantSuspension(tenantId, { at: new Date().toISOString(), reason });
  forgetCompanySettings(tenantId);
  return done;
}

export async function resumeCompany(tenantId: string): Promise<boolean> {
  const done = await setTenantSuspension(tenantId, undefined);
  forgetCompanySettings(tenantId);
  return done;
}

/** How many items of each type a company has (the dry run of a delete). */
export async function countCompanyItems(tenantId: string): Promise<Record<string, number>> {
  const counted: Record<string, number> = {};
  for await (const step of companyItemSteps(tenantId)) for (const item of step) counted[item.type] = (counted[item.type] ?? 0) + 1;
  return counted;
}

export interface DeleteProgress {
  deleted: number;
  batches: number;
}

export interface DeleteOutcome extends DeleteProgress {
  byType: Record<string, number>;
  /** True when `stopAfterBatches` stopped it before the end (run it again to finish). */
  stopped: boolean;
  /** Items found on the final check (0 when nothing of the company remains). */
  remaining: number;
}

/**
 * Deletes every item of a company: suspends it first (so nothing new arrives), then deletes step
 * by step (see companyItemSteps), then looks again for anything left. Safe to run again after an
 * interruption: what remains is found the same way. `stopAfterBatches` stops it on purpose after
 * that many delete requests (for restore drills and tests of the resume).
 */
export async function deleteCompany(
  tenantId: string,
  { stopAfterBatches, onProgress }: { stopAfterBatches?: number; onProgress?: (progress: DeleteProgress) => void } = {},
): Promise<DeleteOutcome> {
  if (await getTenant(tenantId)) await suspendCompany(tenantId, 'being deleted');
  const progress: DeleteProgress = { deleted: 0, batches: 0 };
  const byType: Record<string, number> = {};
  for await (const step of companyItemSteps(tenantId)) {
    if (stopAfterBatches !== undefined && progress.batches >= stopAfterBatches) return { ...progress, byType, stopped: true, remaining: -1 };
    const allowed = stopAfterBatches === undefined ? step : step.slice(0, (stopAfterBatches - progress.batches) * 25);
    // A partly deleted step is fine: its dependents go before its roots, and a root left behind
    // still leads to whatever of it remains.
    await deleteItems(allowed, {
      onBatch: (deleted) => {
        progress.deleted += deleted;
        progress.batches += 1;
        onProgress?.({ ...progress });
      },
    });
    for (const item of allowed) byType[item.type] = (byType[item.type] ?? 0) + 1;
    if (allowed.length < step.length) return { ...progress, byType, stopped: true, remaining: -1 };
  }
  const remaining = Object.values(await countCompanyItems(tenantId)).reduce((sum, count) => sum + count, 0);
  return { ...progress, byType, stopped: false, remaining };
}

export type { ExportLine } from '../../store/company-copy.js';
export { CompanyNotEmpty } from '../../store/company-copy.js';

/** The company as JSON Lines (see company-copy.ts), streamed to `write`; the number of lines. */
export async function exportCompany(tenantId: string, write: (line: ExportLine) => Promise<void>): Promise<number> {
  return exportCompanyLines(tenantId, write);
}

/** Restores an export into a company with nothing stored (CompanyNotEmpty otherwise). */
export async function importCompany(tenantId: string, lines: AsyncIterable<ExportLine>, onProgress?: (written: number) => void): Promise<{ members: number; groups: number }> {
  const counts = await importCompanyLines(tenantId, lines, onProgress);
  forgetCompanySettings(tenantId);
  return counts;
}

/**
 * Gives every deactivated or deleted member of the company that has no inactivity clock one (those
 * made inactive before the clocks existed), counted from the member's last write: the erasure after
 * the company's retention can come later than it would have, never earlier. A clock in step with
 * its member is left as it is, so running it again changes nothing. Returns how many members are
 * inactive (each has a clock afterwards), undefined if there is no such company.
 */
export async function trackInactiveMembers(tenantId: string): Promise<number | undefined> {
  if (!(await getTenant(tenantId))) return undefined;
  let inactive = 0;
  for await (const members of companyMemberPages(tenantId)) {
    const away = members.filter((member) => !member.erasedAt && (!member.active || member.deletedAt));
    await Promise.all(away.map((member) => startInactivity({ tenantId, memberId: member.id, since: member.updatedAt, version: member.version })));
    inactive += away.length;
  }
  return inactive;
}

export type { BackfillProgress } from '../../store/tenant-index-backfill.js';
/** The one-time migration of a table written before the tenant index existed (store/tenant-index-backfill.ts). */
export { backfillTenantIndex } from '../../store/tenant-index-backfill.js';

/**
 * Once, after deploying the version that keeps a company's awaiting-manager edges in one partition:
 * moves every company's edges written before it (until then, a manager imported for a report that
 * waited since before the upgrade does not find it). Safe to run again; returns the waits moved, by company.
 */
export async function moveAwaitingEdgesOfEveryCompany(onCompany?: (tenantId: string, moved: number) => void): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const tenantId of await listCompanyIds()) {
    moved[tenantId] = await moveAwaitingEdges(tenantId);
    onCompany?.(tenantId, moved[tenantId]);
  }
  return moved;
}

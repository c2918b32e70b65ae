import { isDeepStrictEqual } from 'node:util';
import { emitMetric } from '../../metrics.js';
import { loadCompanyConfig, type CompanyConfig, type EffectiveSettings } from '../../store/company-config.js';
import {
  getTeamMember,
  SeatsExhausted,
  VersionConflict,
  writeEffectiveSettings,
  writeEffectiveSettingsTogether,
  type TeamMemberRecord,
} from '../../store/team-members.js';
import { getTenant, type TenantRecord } from '../../store/tenants.js';
import { MAX_TRANSACTION_ITEMS } from '../../store/transactions.js';
import { ROSTER_ACTOR } from '../actors.js';
import { effectiveSettings, heldSeatTypeIds, settingsTarget, type SettingsTarget } from './effective-settings.js';

const MAX_ATTEMPTS = 6;

/**
 * Brings a member's effective settings up to date — after an import, a change of groups, a
 * (de)activation, or a change of the assignments — taking and releasing seats atomically with
 * the write. An inactive (or deleted) member holds no seats; reactivation takes them again.
 * When a seat type is exhausted the member gets no seat of it and a visible seat shortage.
 */
export async function refreshEffectiveSettings(tenantId: string, memberId: string, known: Partial<CompanyState> = {}): Promise<EffectiveSettings | undefined> {
  const { company, config: companyConfig } = await companyState(tenantId, known);
  const exhausted = new Set<string>();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const member = await getTeamMember(tenantId, memberId);
    if (!member || !company) return undefined;
    const target = settingsTarget(member.effective, member.groupIds, companyConfig.assignments, company.defaultAssignment);
    const next = planned(member, target, companyConfig, exhausted);
    if (member.effective && isDeepStrictEqual(next.effective, member.effective)) return member.effective;
    try {
      await writeEffectiveSettings(member, next.effective, next.seats, ROSTER_ACTOR);
      if (next.effective.seatShortage.length && !member.effective?.seatShortage.length) emitMetric('SeatShortages');
      return next.effective;
    } catch (error) {
      if (error instanceof SeatsExhausted) error.seatTypeIds.forEach((seatId) => exhausted.add(seatId));
      else if (!(error instanceof VersionConflict)) throw error;
    }
  }
  throw new Error(`Effective settings of ${memberId} kept changing; giving up after ${MAX_ATTEMPTS} attempts`);
}

/**
 * refreshEffectiveSettings for many members of a company at once (a stream batch), from their
 * current items (`members`, read consistently together) and the company's state read once. Seats
 * are planned in the members' order against the counts read, as one refresh after another would
 * take them; the new settings are written in as few transactions as fit (a member each, plus one
 * seat-count change per seat type), and the members of a transaction that failed (a seat ran out
 * or a member changed meanwhile) are refreshed one by one as refreshEffectiveSettings does.
 * Returns why each member that could not be refreshed failed, by member id.
 */
export async function refreshEffectiveSettingsOfMany(members: TeamMemberRecord[], state: CompanyState): Promise<Map<string, unknown>> {
  const failures = new Map<string, unknown>();
  const { company, config: companyConfig } = state;
  if (!company) return failures;
  const free = new Map(companyConfig.seatTypes.map((seat) => [seat.id, seat.total - seat.inUse]));
  const writes: PlannedWrite[] = [];
  for (const member of members) {
    const target = settingsTarget(member.effective, member.groupIds, companyConfig.assignments, company.defaultAssignment);
    const exhausted = new Set([...free].filter(([, left]) => left <= 0).map(([seatId]) => seatId));
    const next = planned(member, target, companyConfig, exhausted);
    if (member.effective && isDeepStrictEqual(next.effective, member.effective)) continue;
    next.seats.take.forEach((seatId) => free.set(seatId, (free.get(seatId) ?? 0) - 1));
    next.seats.release.forEach((seatId) => free.set(seatId, (free.get(seatId) ?? 0) + 1));
    writes.push({ member, ...next });
  }
  for (const chunk of transactionChunks(writes, companyConfig)) {
    try {
      await writeEffectiveSettingsTogether(company.tenantId, chunk.map(({ member, effective }) => ({ member, effective })), seatChanges(chunk, companyConfig), ROSTER_ACTOR);
      for (const { member, effective } of chunk) if (effective.seatShortage.length && !member.effective?.seatShortage.length) emitMetric('SeatShortages');
    } catch {
      for (const { member } of chunk) {
        await refreshEffectiveSettings(company.tenantId, member.id, state).catch((error: unknown) => failures.set(member.id, error));
      }
    }
  }
  return failures;
}

type PlannedWrite = { member: TeamMemberRecord } & ReturnType<typeof planned>;

/** The seats a chunk of writes takes and gives back, summed per seat type (the types whose count moves). */
function seatChanges(writes: PlannedWrite[], companyConfig: CompanyConfig) {
  const delta = new Map<string, number>();
  for (const { seats } of writes) {
    seats.take.forEach((seatId) => delta.set(seatId, (delta.get(seatId) ?? 0) + 1));
    seats.release.forEach((seatId) => delta.set(seatId, (delta.get(seatId) ?? 0) - 1));
  }
  const totals = new Map(companyConfig.seatTypes.map((seat) => [seat.id, seat.total]));
  return [...delta].filter(([, moved]) => moved !== 0).map(([seatTypeId, moved]) => ({ seatTypeId, delta: moved, total: totals.get(seatTypeId) ?? 0 }));
}

/** The writes in chunks that fit one transaction with their seat-count changes. */
function transactionChunks(writes: PlannedWrite[], companyConfig: CompanyConfig): PlannedWrite[][] {
  const chunks: PlannedWrite[][] = [];
  let chunk: PlannedWrite[] = [];
  for (const write of writes) {
    if (chunk.length && chunk.length + 1 + seatChanges([...chunk, write], companyConfig).length > MAX_TRANSACTION_ITEMS) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(write);
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** What re-evaluating a member needs of its company; callers re-evaluating many members read it once. */
export interface CompanyState {
  company: TenantRecord | undefined;
  config: CompanyConfig;
}

export async function companyState(tenantId: string, known: Partial<CompanyState> = {}): Promise<CompanyState> {
  const [company, config] = await Promise.all([
    'company' in known ? known.company : getTenant(tenantId),
    known.config ?? loadCompanyConfig(tenantId),
  ]);
  return { company, config };
}

/** Writes hand-edited settings (by `changedBy`: the admin or a manager), seats unchanged. */
export async function writeEditedSettings(
  member: TeamMemberRecord,
  target: SettingsTarget,
  config: CompanyConfig,
  changedBy: string,
): Promise<EffectiveSettings> {
  const held = heldSeatTypeIds(member.effective);
  const effective = effectiveSettings({ ...target, editedByHand: true }, held, config.seatTypes, config.workspaces);
  await writeEffectiveSettings(member, { ...effective, seatShortage: member.effective?.seatShortage ?? [] }, { take: [], release: [] }, changedBy);
  return effective;
}

function planned(member: TeamMemberRecord, target: SettingsTarget, config: CompanyConfig, exhausted: Set<string>) {
  const held = heldSeatTypeIds(member.effective);
  const known = new Set(config.seatTypes.map((seat) => seat.id));
  const present = member.active && !member.deletedAt;
  const wanted = present ? target.grant.seatTypeIds.filter((seatId) => known.has(seatId)) : [];
  const take = wanted.filter((seatId) => !held.includes(seatId) && !exhausted.has(seatId));
  const release = held.filter((seatId) => !wanted.includes(seatId) || !known.has(seatId));
  const nowHeld = [...held.filter((seatId) => !release.includes(seatId)), ...take];
  const effective = effectiveSettings(target, nowHeld, config.seatTypes, config.workspaces);
  // A member who is not active holds nothing and is short of nothing.
  if (!present) effective.seatShortage = [];
  return { effective, seats: { take, release: release.filter((seatId) => known.has(seatId)) } };
}

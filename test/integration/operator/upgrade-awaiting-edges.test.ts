import '../../support/environment.js';
import { afterAll, describe, expect, it } from 'vitest';
import { moveAwaitingEdges } from '../../../shared/store/awaiting-edge-move.js';
import { getTeamMember } from '../../../shared/store/team-members.js';
import { adminCli } from '../../support/admin-cli.js';
import { keepWaitsAsBeforeTheUpgrade } from '../../support/earlier-awaiting-edges.js';
import { notifyingCompany, processAt } from '../../support/notifying-company.js';
import { insertRecordOf } from '../../support/stream-records.js';
import { consistencyProblems } from '../../support/table-consistency.js';

const cli = adminCli();
afterAll(() => cli.cleanup());

describe('upgrading the awaiting-manager edges to one partition per company', () => {
  it('moves the waits written before, so the manager who arrives afterwards is still linked; running it again changes nothing', async () => {
    const company = await notifyingCompany();
    const report = await company.person('waited.report', {}, 'arriving.boss');
    expect(report.awaiting.length).toBeGreaterThan(0);
    await keepWaitsAsBeforeTheUpgrade(company.tenantId, report.id, report.awaiting);
    expect(await consistencyProblems(company.tenantId)).not.toEqual([]);

    const run = await cli.run(['upgrade', 'awaiting-edges']);
    expect(run.stderr).toContain(`${company.tenantId}: ${report.awaiting.length} waits moved`);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('Moved') });
    expect(await consistencyProblems(company.tenantId)).toEqual([]);
    expect(await moveAwaitingEdges(company.tenantId)).toBe(report.awaiting.length);
    expect(await consistencyProblems(company.tenantId)).toEqual([]);

    const boss = await company.person('arriving.boss');
    await processAt(new Date(), [await insertRecordOf(company.tenantId, boss.id)]);
    expect((await getTeamMember(company.tenantId, report.id))?.managerId).toBe(boss.id);
  });
});

import type { CampaignReport } from './campaign.js';

/** True when the run found nothing: no 5xx, no malformed or leaking answer, nothing changed or polluted. */
export const isClean = (report: CampaignReport) => report.serverErrors === 0 && report.findingCount === 0 && report.afterRun.length === 0;

/** The report `npm run fuzz` prints. */
export function formatReport(report: CampaignReport, perRoute = false): string {
  const seconds = (report.durationMs / 1000).toFixed(1);
  const statuses = histogram(report.statuses);
  const routes = Object.values(report.routes).map((statuses) => Object.values(statuses).reduce((sum, count) => sum + count, 0));
  const lines = [
    `Roster fuzz report (seed ${report.seed})`,
    `  requests        ${report.requests} in ${seconds} s (${Math.round(report.requests / (report.durationMs / 1000))} per second)`,
    `  routes          ${routes.length} (${Math.min(...routes)}–${Math.max(...routes)} requests each)`,
    `  statuses        ${statuses}`,
    `  5xx             ${report.serverErrors}`,
    `  bad answers     ${report.findingCount}`,
    `  after the run   ${report.afterRun.length ? `${report.afterRun.length} problem(s)` : 'snapshot company unchanged, no prototype polluted, playground consistent'}`,
  ];
  if (perRoute) {
    for (const [route, counts] of Object.entries(report.routes).sort()) lines.push(`    ${route.padEnd(48)} ${histogram(counts)}`);
  }
  const kinds = new Map<string, number>();
  for (const finding of report.findings) for (const problem of finding.problems) kinds.set(problem, (kinds.get(problem) ?? 0) + 1);
  for (const [problem, count] of kinds) lines.push(`    ${count} × ${problem}`);
  for (const finding of report.findings) {
    lines.push('', `  ✗ ${finding.status} ${finding.problems.join('; ')}`, `    request:  ${finding.request}`, `    response: ${finding.response}`);
  }
  if (report.findingCount > report.findings.length) lines.push(`  … and ${report.findingCount - report.findings.length} more`);
  for (const problem of report.afterRun) lines.push(`  ✗ ${problem}`);
  lines.push('', isClean(report) ? 'PASS' : `FAIL (replay with FUZZ_SEED=${report.seed})`);
  return lines.join('\n');
}

function histogram(counts: Record<number, number>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
}

import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { everythingOn } from './example-context.js';
import { buildRoster } from './synth.js';

/** Every acknowledged rule in the tree: construct path, rule id, reason. */
function acknowledgments(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      // aws-cdk-lib qualifies the id with the namespace of the finding; cdk-nag strips it likewise.
      .map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason })),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it.each([
    ['default context', {}],
    ['every option on', everythingOn],
  ])('finds nothing unacknowledged with %s', (_, context) => {
    const { app, stack } = buildRoster(context);
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    const findings = report.violations.map((violation) => ({
      rule: violation.ruleName,
      severity: violation.severity,
      at: violation.violatingResources.map((resource) => resource.constructPath),
    }));
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges only these rules, each with a written reason next to the construct it concerns', () => {
    const { stack } = buildRoster(everythingOn);
    const acknowledged = acknowledgments(stack);
    expect([...new Set(acknowledged.map(({ id }) => id))].sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-L1',
      'AwsSolutions-SQS3',
    ]);
    for (const { path, reason } of acknowledged) expect(reason.length, path).toBeGreaterThan(40);
    // Never stack-wide: each acknowledgment sits on the API, a function, its role or the queue.
    expect(acknowledged.filter(({ path }) => path === stack.node.path)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { everythingOn } from './example-context.js';
import { buildRoster } from './synth.js';

describe('the CDK app', () => {
  it('synthesizes with no finding from CloudFormation schema validation or cdk-nag, every option on', () => {
    const { app } = buildRoster(everythingOn, { cloudFormationValidation: true });
    const assembly = app.synth();
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));
    const violations = (report.pluginReports as { pluginName: string; violations: { ruleName: string; description: string }[] }[]).flatMap(
      (plugin) => plugin.violations.map(({ ruleName, description }) => `${plugin.pluginName} ${ruleName}: ${description}`),
    );
    expect(violations).toEqual([]);
  }, 60_000);

  it('warns at synth when cdk.json’s placeholder mailFrom and productUrl are deployed as they are', () => {
    const warnings = (context: Record<string, unknown>) =>
      buildRoster(context)
        .stack.node.metadata.filter((entry) => entry.type === 'aws:cdk:warning')
        .map((entry) => String(entry.data));
    expect(warnings({ mailFrom: 'roster.example.com', productUrl: 'https://roster.example.com' })).toEqual([
      expect.stringMatching(/^mailFrom is the placeholder roster\.example\.com: pass -c mailFrom=/),
      expect.stringMatching(/^productUrl is the placeholder https:\/\/roster\.example\.com: pass -c productUrl=/),
    ]);
    expect(warnings(everythingOn)).toEqual([]);
  });
});

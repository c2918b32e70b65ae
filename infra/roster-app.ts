import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings } from './context.js';
import { RosterStack } from './stack.js';

/**
 * The CDK app `cdk synth` and `cdk deploy` run (through app.ts), also built by the tests. Throws
 * ContextError on invalid context. Synth fails on any cdk-nag finding not acknowledged with a
 * reason next to the construct it concerns.
 */
export function rosterApp(props: AppProps = {}): { app: App; stack: RosterStack } {
  const app = new App(props);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const settings = readSettings((key) => app.node.tryGetContext(key));
  const stack = new RosterStack(app, `Roster-${settings.stage}`, {
    settings,
    description: `Roster SCIM 2.0 provisioning (${settings.stage})`,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    tags: { app: 'roster', stage: settings.stage },
  });
  return { app, stack };
}

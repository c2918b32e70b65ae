import { App } from 'aws-cdk-lib';
import { ContextError, readSettings, type RosterSettings } from './context.js';
import { RosterStack } from './stack.js';

const app = new App();

let settings: RosterSettings;
try {
  settings = readSettings((key) => app.node.tryGetContext(key));
} catch (error) {
  if (!(error instanceof ContextError)) throw error;
  console.error(error.message);
  process.exit(1);
}

new RosterStack(app, `Roster-${settings.stage}`, {
  settings,
  description: `Roster SCIM 2.0 provisioning (${settings.stage})`,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  tags: { app: 'roster', stage: settings.stage },
});

app.synth();

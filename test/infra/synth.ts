import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { readSettings } from '../../infra/context.js';
import { RosterStack } from '../../infra/stack.js';

export const baseContext = { mailFrom: 'no-reply@example.com', productUrl: 'https://app.example.com' };

/** Synthesizes the stack as infra/app.ts does, without bundling (entries must exist, esbuild does not run). */
export function synthRoster(context: Record<string, unknown> = {}): Template {
  const app = new App({ context: { [BUNDLING_STACKS]: [], ...baseContext, ...context } });
  const settings = readSettings((key) => app.node.tryGetContext(key));
  return Template.fromStack(new RosterStack(app, `Roster-${settings.stage}`, { settings }));
}

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

/** The one resource of a type whose properties match, by logical id; fails unless there is exactly one. */
export function onlyResource(template: Template, type: string, properties: object = {}): [string, Resource] {
  const found = Object.entries(template.findResources(type, { Properties: properties }));
  if (found.length !== 1) throw new Error(`expected exactly one ${type} matching, found ${found.length}`);
  return found[0] as [string, Resource];
}

/** Every IAM action granted to a function's execution role, with the resources it applies to. */
export function grantedActions(template: Template, functionLogicalId: string): { action: string; resource: unknown }[] {
  const fn = template.toJSON().Resources[functionLogicalId] as Resource;
  const roleId: string = fn.Properties.Role['Fn::GetAtt'][0];
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
  return Object.values(policies).flatMap((policy) =>
    (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).flatMap(
      (statement) => [statement.Action].flat().map((action) => ({ action, resource: statement.Resource })),
    ),
  );
}

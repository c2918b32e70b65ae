import type { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { functionDefinitions } from '../../shared/routes.js';
import { rosterApp } from '../../infra/roster-app.js';
import type { RosterStack } from '../../infra/stack.js';
import { baseContext } from './example-context.js';

/**
 * The app of infra/app.ts, cdk-nag included, without bundling (entries must exist, esbuild does not
 * run). CloudFormation's schema validation is off here: it costs seconds per test file, and
 * app.test.ts runs it once.
 */
export function buildRoster(
  context: Record<string, unknown> = {},
  { cloudFormationValidation = false } = {},
): { app: App; stack: RosterStack } {
  return rosterApp({
    context: { [BUNDLING_STACKS]: [], ...baseContext, ...context },
    builtinCloudFormationValidation: cloudFormationValidation,
  });
}

export function synthRoster(context: Record<string, unknown> = {}): Template {
  return Template.fromStack(buildRoster(context).stack);
}

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
export type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/** The one resource of a type whose properties match, by logical id; fails unless there is exactly one. */
export function onlyResource(template: Template, type: string, properties: object = {}): [string, Resource] {
  const found = Object.entries(template.findResources(type, { Properties: properties }));
  if (found.length !== 1) throw new Error(`expected exactly one ${type} matching, found ${found.length}`);
  return found[0] as [string, Resource];
}

/** Logical id of the Lambda function of a functionDefinitions entry (descriptions are unique). */
export function functionId(template: Template, name: string): string {
  const definition = functionDefinitions.find((candidate) => candidate.name === name);
  if (!definition) throw new Error(`unknown function ${name}`);
  return onlyResource(template, 'AWS::Lambda::Function', { Description: definition.description })[0];
}

/** Logical id of a function's execution role. */
export function roleId(template: Template, functionLogicalId: string): string {
  const fn = template.toJSON().Resources[functionLogicalId] as Resource;
  return fn.Properties.Role['Fn::GetAtt'][0];
}

/** Every IAM statement of a function's execution role, one entry per action. */
export function grantedActions(
  template: Template,
  functionLogicalId: string,
): { action: string; resource: unknown; condition?: unknown }[] {
  return statementsOf(template, functionLogicalId)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => [statement.Action].flat().map((action) => ({ action, resource: statement.Resource, condition: statement.Condition })));
}

/** The Deny statements of a function's role (the item families it may never touch). */
export function deniedStatements(template: Template, functionLogicalId: string): Statement[] {
  return statementsOf(template, functionLogicalId).filter((statement) => statement.Effect === 'Deny');
}

function statementsOf(template: Template, functionLogicalId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId(template, functionLogicalId) }] } });
  const statements = Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  for (const statement of statements) if (!['Allow', 'Deny'].includes(statement.Effect)) throw new Error(`unexpected Effect ${statement.Effect}`);
  return statements;
}

/** The distinct actions of a function's role whose name starts with `service:`, sorted. */
export function actionsOf(template: Template, functionLogicalId: string, service: string): string[] {
  const actions = grantedActions(template, functionLogicalId).map(({ action }) => action);
  return [...new Set(actions.filter((action) => action.startsWith(`${service}:`)))].sort();
}

import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { FunctionDefinition } from '../shared/routes.js';
import { indexList } from '../shared/store/table.js';

/**
 * The DynamoDB actions shared/store issues, by the `tableAccess` of a function definition. Nothing
 * scans, runs PartiQL or manages the table, so no function may. TransactWriteItems is authorised
 * item by item as Put/Update/Delete/ConditionCheck, hence no action of its own.
 */
export const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'],
} as const;

/** Statements for the table itself and for Query on each of its indexes (by name, not `index/*`). */
export function tableAccessStatements(access: FunctionDefinition['tableAccess'], tableArn: string): PolicyStatement[] {
  if (access === 'none') return [];
  const actions = access === 'readWrite' ? [...tableActions.read, ...tableActions.write] : [...tableActions.read];
  return [
    new PolicyStatement({ actions, resources: [tableArn] }),
    new PolicyStatement({
      actions: ['dynamodb:Query'],
      resources: indexList.map((index) => `${tableArn}/index/${index.name}`),
    }),
  ];
}

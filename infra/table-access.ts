import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { FunctionDefinition } from '../shared/routes.js';
import { INDEXES, ITEM_FAMILY_PARTITIONS, requestIndexList, TENANT_INDEX_COMPANY_PARTITIONS } from '../shared/store/table.js';

/**
 * The DynamoDB actions shared/store issues, by the `tableAccess` of a function definition. Nothing
 * scans, runs PartiQL or manages the table, so no function may. TransactWriteItems is authorised
 * item by item as Put/Update/Delete/ConditionCheck, hence no action of its own.
 */
export const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'],
} as const;

/**
 * Statements for the table itself and for Query on each of its indexes (by name, not `index/*`),
 * and a Deny of the item families the function never touches, by partition key. The request-path
 * indexes hold members and groups (and which companies set a retention), so a function denied
 * both gets no index at all. The tenant index goes only to the functions that list a company's
 * admin tokens (`readsTenantIndex`), and only its companies' partitions: IAM cannot narrow that
 * Query to the tokens' sort keys, so the code asks for `TOKEN#admin#` of the caller's company
 * (shared/store/tokens.ts).
 */
export function tableAccessStatements(
  { tableAccess: access, deniedItems = [], readsTenantIndex = false }: Pick<FunctionDefinition, 'tableAccess' | 'deniedItems' | 'readsTenantIndex'>,
  tableArn: string,
): PolicyStatement[] {
  if (access === 'none') return [];
  const actions = access === 'readWrite' ? [...tableActions.read, ...tableActions.write] : [...tableActions.read];
  const needsIndexes = !(deniedItems.includes('teamMembers') && deniedItems.includes('groups'));
  return [
    new PolicyStatement({ actions, resources: [tableArn] }),
    ...(needsIndexes
      ? [new PolicyStatement({ actions: ['dynamodb:Query'], resources: requestIndexList.map((index) => `${tableArn}/index/${index.name}`) })]
      : []),
    ...(readsTenantIndex
      ? [
          new PolicyStatement({
            actions: ['dynamodb:Query'],
            resources: [`${tableArn}/index/${INDEXES.tenant.name}`],
            conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...TENANT_INDEX_COMPANY_PARTITIONS] } },
          }),
        ]
      : []),
    ...(deniedItems.length
      ? [
          new PolicyStatement({
            effect: Effect.DENY,
            actions,
            resources: [tableArn],
            conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': deniedItems.flatMap((family) => ITEM_FAMILY_PARTITIONS[family]) } },
          }),
        ]
      : []),
  ];
}

import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_KEY, TTL_ATTRIBUTE, indexList } from '../../shared/store/table.js';
import { onlyResource, synthRoster } from './synth.js';

const keySchema = (partition: string, sort: string) => [
  { AttributeName: partition, KeyType: 'HASH' },
  { AttributeName: sort, KeyType: 'RANGE' },
];

let template: Template;
beforeAll(() => {
  template = synthRoster();
});

describe('table', () => {
  it('is the single table of shared/store/table.ts', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    const [, table] = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(table.Properties.KeySchema).toEqual(keySchema(TABLE_KEY.partition, TABLE_KEY.sort));
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      indexList.map((index) => ({
        IndexName: index.name,
        KeySchema: keySchema(index.partition, index.sort),
        Projection: { ProjectionType: index.projection ?? 'ALL' },
      })),
    );
  });

  it('has a keys-only tenant index (the operator reads it; which functions may is in functions.test.ts)', () => {
    const [, table] = onlyResource(template, 'AWS::DynamoDB::Table');
    const tenant = (table.Properties.GlobalSecondaryIndexes as Array<{ IndexName: string; Projection: unknown }>).find((index) => index.IndexName === 'gsi5');
    expect(tenant?.Projection).toEqual({ ProjectionType: 'KEYS_ONLY' });
  });

  it('streams both images, keeps backups, resists deletion, is encrypted and expires items by TTL', () => {
    expect(TTL_ATTRIBUTE).toBe('expiresAt');
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        // SSEEnabled with the AWS-managed key (aws/dynamodb), one step up from the default owned key.
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
    });
    const [, table] = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(table.Properties.SSESpecification.KMSMasterKeyId).toBeUndefined();
  });
});

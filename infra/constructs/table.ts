import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE_KEY, TTL_ATTRIBUTE, indexList } from '../../shared/store/table.js';

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

/** Roster's single table, shaped by shared/store/table.ts like the local stack's. */
export class RosterTable extends Table {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      partitionKey: stringKey(TABLE_KEY.partition),
      sortKey: stringKey(TABLE_KEY.sort),
      billingMode: BillingMode.PAY_PER_REQUEST,
      // The notifier compares old and new images to tell an import from an update.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TTL_ATTRIBUTE,
    });
    for (const index of indexList) {
      this.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partition),
        sortKey: stringKey(index.sort),
        projectionType: index.projection === 'KEYS_ONLY' ? ProjectionType.KEYS_ONLY : ProjectionType.ALL,
      });
    }
  }
}

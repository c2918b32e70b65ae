import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { db, tableName } from '../../shared/store/client.js';
import { teamMember } from '../../shared/store/entities/team-member.js';

type Image = Record<string, AttributeValue>;
let sequence = 1_000_000;

/** A team member's stored item as a stream image (what Lambda receives), read consistently now. */
export async function memberImage(tenantId: string, id: string): Promise<Image> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: teamMember.key({ tenantId, id }), ConsistentRead: true }));
  if (!Item) throw new Error(`no team member ${id}`);
  return marshall(Item, { removeUndefinedValues: true, convertClassInstanceToMap: false }) as Image;
}

/** A stream record as Lambda delivers it (NEW_AND_OLD_IMAGES), with a fresh sequence number. */
export function streamRecord(newImage: Image, oldImage?: Image): DynamoDBRecord {
  const sequenceNumber = String((sequence += 1));
  return {
    eventID: `event-${sequenceNumber}`,
    eventName: oldImage ? 'MODIFY' : 'INSERT',
    eventSource: 'aws:dynamodb',
    eventVersion: '1.1',
    awsRegion: 'us-east-1',
    dynamodb: {
      Keys: { pk: newImage.pk!, sk: newImage.sk! },
      NewImage: newImage,
      ...(oldImage ? { OldImage: oldImage } : {}),
      SequenceNumber: sequenceNumber,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** The INSERT record of a member as it is stored now. */
export async function insertRecordOf(tenantId: string, id: string): Promise<DynamoDBRecord> {
  return streamRecord(await memberImage(tenantId, id));
}

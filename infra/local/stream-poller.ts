import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { loadHandler } from './function-modules.js';
import { lambdaContext } from './lambda-context.js';
import { notifierEventFilter } from '../../shared/stream-filter.js';

const BATCH_SIZE = 100;
const POLL_INTERVAL_MS = 250;
const MAX_RETRIES = 5;

export interface StreamPoller {
  stop(): Promise<void>;
  /** Resolves once every record written so far has been handed to the function. */
  drain(): Promise<void>;
}

/**
 * Reads the table's stream and invokes the function with real stream records, as Lambda's event
 * source mapping does: same filter, batches of up to 100, partial batch failures retried from the
 * first failed record (up to 5 times, then the record is logged and skipped, where AWS would
 * send it to the dead-letter queue). Shards present at start are read from LATEST, so a restart
 * does not re-send old events; shards that appear later are read from their start.
 */
export function startStreamPoller(options: StreamLocation & { functionName: string }): StreamPoller {
  const reader = openStreamReader(options);
  let stopped = false;
  let idleWaiters: Array<() => void> = [];

  const invokeWithRetries = async (records: DynamoDBRecord[]) => {
    const handler = await loadHandler(options.functionName);
    let pending = records;
    for (let attempt = 0; pending.length && attempt <= MAX_RETRIES; attempt += 1) {
      const event: DynamoDBStreamEvent = { Records: pending };
      try {
        const result = (await handler(event, lambdaContext(options.functionName, 60_000))) as
          | { batchItemFailures?: Array<{ itemIdentifier: string }> }
          | undefined;
        const firstFailure = result?.batchItemFailures?.[0]?.itemIdentifier;
        const index = firstFailure ? pending.findIndex((record) => record.dynamodb?.SequenceNumber === firstFailure) : -1;
        pending = index >= 0 ? pending.slice(index) : [];
      } catch (error) {
        process.stderr.write(`${JSON.stringify({ level: 'error', message: 'stream handler failed', function: options.functionName, attempt, error: (error as Error).message })}\n`);
      }
    }
    if (pending.length) {
      process.stderr.write(`${JSON.stringify({ level: 'error', message: 'stream records skipped after retries (dead-lettered in AWS)', count: pending.length })}\n`);
    }
  };

  const loop = (async () => {
    while (!stopped) {
      let read = 0;
      try {
        read = await reader.pass(async (records) => {
          const matching = records.filter(notifierEventFilter.matches);
          if (matching.length && !stopped) await invokeWithRetries(matching);
        });
      } catch (error) {
        if (!stopped) process.stderr.write(`${JSON.stringify({ level: 'warn', message: 'stream poll failed', error: (error as Error).message })}\n`);
      }
      if (read === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        waiters.forEach((wake) => wake());
        await new Promise((done) => setTimeout(done, POLL_INTERVAL_MS));
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      await loop;
      idleWaiters.forEach((wake) => wake());
      reader.close();
    },
    drain() {
      // Two idle passes: the first may have started before the caller's last write.
      const idle = () => new Promise<void>((done) => idleWaiters.push(done));
      return idle().then(idle);
    },
  };
}

export interface StreamLocation {
  endpoint: string;
  streamArn: string;
  region?: string;
}

export interface StreamReader {
  /**
   * One pass over every shard: up to 100 records of each, as Lambda receives them, handed to
   * `onRecords` shard by shard (in the stream's order); returns how many records were read.
   */
  pass(onRecords: (records: DynamoDBRecord[]) => Promise<void>): Promise<number>;
  close(): void;
}

/**
 * A reader of the table's stream from now on: the shards present when it opens are read from
 * LATEST, shards that appear later from their start.
 */
export function openStreamReader(options: StreamLocation): StreamReader {
  const client = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const iterators = new Map<string, string | undefined>();
  let firstPass = true;

  const discoverShards = async () => {
    const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: options.streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      const { ShardIterator } = await client.send(
        new GetShardIteratorCommand({
          StreamArn: options.streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: firstPass ? 'LATEST' : 'TRIM_HORIZON',
        }),
      );
      iterators.set(shard.ShardId, ShardIterator);
    }
    firstPass = false;
  };

  return {
    async pass(onRecords) {
      await discoverShards();
      let read = 0;
      for (const [shardId, iterator] of iterators) {
        if (!iterator) continue;
        const { Records = [], NextShardIterator } = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: BATCH_SIZE }));
        iterators.set(shardId, NextShardIterator);
        read += Records.length;
        if (Records.length) await onRecords(Records.map((record) => toLambdaRecord(record, options.streamArn)));
      }
      return read;
    },
    close: () => client.destroy(),
  };
}

function toLambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const created = record.dynamodb?.ApproximateCreationDateTime;
  for (const image of [record.dynamodb?.NewImage, record.dynamodb?.OldImage, record.dynamodb?.Keys]) {
    if (image) restoreEmptyMaps(image as Record<string, unknown>);
  }
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? 'us-east-1',
    eventSourceARN: streamArn,
    dynamodb: {
      ...(record.dynamodb as DynamoDBRecord['dynamodb']),
      ApproximateCreationDateTime: created instanceof Date ? Math.floor(created.getTime() / 1000) : (created as number | undefined),
    },
  };
}

/**
 * The Streams SDK client reads an empty map attribute {"M":{}} back as {} (no type key), which
 * unmarshall rejects. Lambda's event carries {"M":{}}; put it back so the handler sees the same.
 */
function restoreEmptyMaps(attributes: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(attributes)) attributes[name] = restoreValue(value);
}

function restoreValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const attribute = value as { M?: Record<string, unknown>; L?: unknown[] };
  if (Object.keys(attribute).length === 0) return { M: {} };
  if (attribute.M) restoreEmptyMaps(attribute.M);
  if (Array.isArray(attribute.L)) attribute.L = attribute.L.map(restoreValue);
  return attribute;
}

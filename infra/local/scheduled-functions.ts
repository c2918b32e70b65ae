import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { functionDefinitions, type FunctionDefinition } from '../../shared/routes.js';
import { loadHandler } from './function-modules.js';
import { lambdaContext } from './lambda-context.js';

/**
 * Locally a minute is long to wait for an email, and a day for an erasure; the functions do not
 * care how often they run.
 */
export const LOCAL_SCHEDULE_INTERVAL_MS = 2_000;

export interface ScheduledFunctions {
  stop(): Promise<void>;
}

/**
 * Runs every 'schedule' function of the route table on an interval, as EventBridge does in AWS: the
 * same handler, a scheduled event, no overlapping runs; a failed run is logged and the next one
 * tries again.
 */
export function startScheduledFunctions(intervalMs = LOCAL_SCHEDULE_INTERVAL_MS): ScheduledFunctions {
  const scheduled = (functionDefinitions as readonly FunctionDefinition[]).filter((definition) => definition.trigger === 'schedule');
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      for (const { name } of scheduled) {
        try {
          const handler = await loadHandler(name);
          await handler(scheduledEvent(name), lambdaContext(name, 60_000));
        } catch (error) {
          process.stderr.write(`${JSON.stringify({ level: 'error', message: 'scheduled function failed', function: name, error: (error as Error).message })}\n`);
        }
      }
      await new Promise<void>((done) => {
        wake = done;
        setTimeout(done, intervalMs);
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}

function scheduledEvent(functionName: string): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'local',
    resources: [`arn:aws:events:local:000000000000:rule/${functionName}-schedule`],
    detail: {},
  };
}

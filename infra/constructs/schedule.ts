import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import type { RosterFunction } from './roster-function.js';

/**
 * An EventBridge rule invoking a 'schedule' function every minute. EventBridge does not retry a
 * failed run: the next one, a minute later, does the same work (the functions are idempotent).
 */
export function scheduleEveryMinute(scope: Construct, fn: RosterFunction): Rule {
  return new Rule(scope, `${fn.definition.name}-schedule`, {
    description: `Runs ${fn.definition.name} every minute`,
    schedule: Schedule.rate(Duration.minutes(1)),
    targets: [new LambdaFunction(fn, { retryAttempts: 0 })],
  });
}

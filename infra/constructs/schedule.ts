import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import type { FunctionDefinition } from '../../shared/routes.js';
import type { RosterFunction } from './roster-function.js';

const rates: Record<NonNullable<FunctionDefinition['every']>, Duration> = {
  minute: Duration.minutes(1),
  day: Duration.days(1),
};

/**
 * An EventBridge rule invoking a 'schedule' function as often as its definition says (every
 * minute unless it says otherwise). EventBridge does not retry a failed run: the next one does the
 * same work (the functions are idempotent).
 */
export function scheduleFunction(scope: Construct, fn: RosterFunction): Rule {
  const every = fn.definition.every ?? 'minute';
  return new Rule(scope, `${fn.definition.name}-schedule`, {
    description: `Runs ${fn.definition.name} every ${every}`,
    schedule: Schedule.rate(rates[every]),
    targets: [new LambdaFunction(fn, { retryAttempts: 0 })],
  });
}

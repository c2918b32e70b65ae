import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionDefinition } from '../../shared/routes.js';
import type { FunctionEnvironment } from '../function-environment.js';
import { functionEntry, lockFile, projectRoot } from '../project-paths.js';
import { tableAccessStatements } from '../table-access.js';

export interface RosterFunctionProps {
  definition: FunctionDefinition;
  environment: FunctionEnvironment;
  logRetention: RetentionDays;
}

// HTTP API integrations give up after 30 s; a stream batch of 100 records sends mail one by one.
const timeoutByTrigger: Record<FunctionDefinition['trigger'], Duration> = {
  http: Duration.seconds(10),
  stream: Duration.minutes(1),
  schedule: Duration.minutes(1),
};
// A daily run has a day's work to do, and stops taking new work before its timeout.
const DAILY_TIMEOUT = Duration.minutes(10);

const timeoutOf = (definition: FunctionDefinition) => (definition.trigger === 'schedule' && definition.every === 'day' ? DAILY_TIMEOUT : timeoutByTrigger[definition.trigger]);

// esbuild's ESM output has no `require`; CommonJS dependencies bundled into it still call it.
const requireShim = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** One Lambda function of functions/<name>/handler.ts with Roster's runtime, bundling and logging defaults. */
export class RosterFunction extends NodejsFunction {
  readonly definition: FunctionDefinition;

  constructor(scope: Construct, { definition, environment, logRetention }: RosterFunctionProps) {
    const logGroup = new LogGroup(scope, `${definition.name}-logs`, { retention: logRetention });
    // Its own role instead of AWSLambdaBasicExecutionRole: it may write to its own log group only.
    const role = new Role(scope, `${definition.name}-role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Roster ${definition.name} function`,
    });
    logGroup.grantWrite(role);

    super(scope, definition.name, {
      entry: functionEntry(definition.name),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: lockFile,
      description: definition.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: timeoutOf(definition),
      tracing: Tracing.ACTIVE,
      environment,
      role,
      logGroup,
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: requireShim,
        minify: true,
        sourceMap: true,
        // Stack traces only need the mappings; the sources would double the bundle.
        sourcesContent: false,
      },
    });
    this.definition = definition;

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Roster pins nodejs22.x: bundles target node22 and are tested on it; moving to a newer runtime is a deliberate change.',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) and, for a stream consumer, dynamodb:ListStreams ' +
        'support no resource-level permissions; every other statement names its resource.',
    });
  }

  /** Least privilege from the route table's `tableAccess` (a stream consumer's stream access comes with its event source). */
  grantTableAccess(table: ITable): void {
    for (const statement of tableAccessStatements(this.definition, table.tableArn)) {
      this.addToRolePolicy(statement);
    }
  }
}

import { AssetHashType, Duration, Validations, type ILocalBundling } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import type { FunctionDefinition } from '../../shared/routes.js';
import { functionBuildOptions } from '../function-bundle.js';
import type { FunctionEnvironment } from '../function-environment.js';
import { projectRoot } from '../project-paths.js';
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

const RUNTIME = Runtime.NODEJS_22_X;

/** esbuild run here, on the machine that synthesizes: it is a dependency of the project, so no Docker. */
class LocalEsbuild implements ILocalBundling {
  // A field, not only a closure: CDK caches staged assets by the JSON of their bundling options,
  // and the function's name is what tells one function's bundle from another's.
  constructor(readonly functionName: string) {}

  tryBundle(outputDir: string): boolean {
    buildSync(functionBuildOptions({ functionName: this.functionName }, outputDir));
    return true;
  }
}

/**
 * The function's code: functions/<name>/handler.ts bundled as infra/function-bundle.ts says — in
 * chunks, which NodejsFunction's bundling (one output file) cannot do. The asset is named after the
 * output's hash, as NodejsFunction's was.
 */
function bundledCode(definition: FunctionDefinition): Code {
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    // The image is required by the type but never pulled: local bundling succeeds or throws.
    bundling: { image: RUNTIME.bundlingImage, local: new LocalEsbuild(definition.name) },
  });
}

/** One Lambda function of functions/<name>/handler.ts with Roster's runtime, bundling and logging defaults. */
export class RosterFunction extends LambdaFunction {
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
      code: bundledCode(definition),
      handler: 'index.handler',
      description: definition.description,
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: timeoutOf(definition),
      tracing: Tracing.ACTIVE,
      environment,
      role,
      logGroup,
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

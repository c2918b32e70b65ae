import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionDefinition } from '../../shared/routes.js';
import type { FunctionEnvironment } from '../function-environment.js';
import { functionEntry, lockFile, projectRoot } from '../project-paths.js';

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

// esbuild's ESM output has no `require`; CommonJS dependencies bundled into it still call it.
const requireShim = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** One Lambda function of functions/<name>/handler.ts with Roster's runtime, bundling and logging defaults. */
export class RosterFunction extends NodejsFunction {
  readonly definition: FunctionDefinition;

  constructor(scope: Construct, { definition, environment, logRetention }: RosterFunctionProps) {
    super(scope, definition.name, {
      entry: functionEntry(definition.name),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: lockFile,
      description: definition.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: timeoutByTrigger[definition.trigger],
      tracing: Tracing.ACTIVE,
      environment,
      logGroup: new LogGroup(scope, `${definition.name}-logs`, { retention: logRetention }),
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
  }

  /** Least privilege from the route table's `tableAccess`; the stream function also reads the table's stream. */
  grantTableAccess(table: ITable): void {
    const { tableAccess, trigger } = this.definition;
    if (tableAccess === 'read') table.grantReadData(this);
    if (tableAccess === 'readWrite') table.grantReadWriteData(this);
    if (trigger === 'stream') table.grantStreamRead(this);
  }
}

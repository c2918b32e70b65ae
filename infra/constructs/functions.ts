import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { functionDefinitions, type FunctionDefinition } from '../../shared/routes.js';
import type { RosterSettings } from '../context.js';
import { functionEnvironment } from '../function-environment.js';
import { mailSendStatement } from '../mail-access.js';
import { RosterFunction } from './roster-function.js';
import { scheduleFunction } from './schedule.js';

export interface RosterFunctionsProps {
  settings: RosterSettings;
  table: ITable;
}

/** Exactly one Lambda function per entry of functionDefinitions, each with only the access its definition asks for. */
export class RosterFunctions extends Construct {
  private readonly byName = new Map<string, RosterFunction>();

  constructor(scope: Construct, id: string, { settings, table }: RosterFunctionsProps) {
    super(scope, id);
    const environment = functionEnvironment(settings, table.tableName);
    for (const definition of functionDefinitions as readonly FunctionDefinition[]) {
      const fn = new RosterFunction(this, { definition, environment, logRetention: settings.logRetention });
      fn.grantTableAccess(table);
      if (definition.sendsMail) fn.addToRolePolicy(mailSendStatement(this, settings.mail));
      if (definition.trigger === 'schedule') scheduleFunction(this, fn);
      this.byName.set(definition.name, fn);
    }
  }

  get(name: string): RosterFunction {
    const fn = this.byName.get(name);
    if (!fn) throw new Error(`No function named ${name} in functionDefinitions`);
    return fn;
  }

  all(): RosterFunction[] {
    return [...this.byName.values()];
  }
}

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { workerDatabase } from './worker-database.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The operator's CLI as a user runs it (`npm run admin -- …`, here `tsx infra/admin-cli.ts …`),
 * with `--local` pointed at the test run's DynamoDB Local through a stack.json of its own.
 */
export function adminCli() {
  const stateDir = mkdtempSync(join(tmpdir(), 'roster-admin-cli-'));
  const root = resolve(import.meta.dirname, '../..');
  const run = (args: string[], { target = true } = {}): Promise<CliRun> =>
    new Promise((done) => {
      // The table as the file sees it now (a file may use a DynamoDB Local of its own: useOwnDynamoDb).
      writeFileSync(join(stateDir, 'stack.json'), JSON.stringify({ tableName: process.env.TABLE_NAME || workerDatabase().tableName, dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT || workerDatabase().endpoint }));
      execFile(
        process.execPath,
        ['--import', 'tsx', join(root, 'infra/admin-cli.ts'), ...args, ...(target ? ['--local', '--state-dir', stateDir] : [])],
        { cwd: root, env: { ...process.env, TABLE_NAME: '', DYNAMODB_ENDPOINT: '' }, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
        (error, stdout, stderr) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  return { run, cleanup: () => rmSync(stateDir, { recursive: true, force: true }) };
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The functions' Lambda runtime is nodejs22.x (functions.test.ts): tests and the local stack run on the same major. */
const LAMBDA_NODE_MAJOR = 22;
const packageJson = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

describe('Node.js version', () => {
  it('brings the Lambda runtime’s Node.js as a dev dependency, whatever Node the machine has', () => {
    expect(packageJson.devDependencies.node).toMatch(new RegExp(`^\\^${LAMBDA_NODE_MAJOR}\\.`));
  });

  it('runs the tests on it (npm scripts and npx put node_modules/.bin first on PATH)', () => {
    expect(process.version).toMatch(new RegExp(`^v${LAMBDA_NODE_MAJOR}\\.`));
  });
});

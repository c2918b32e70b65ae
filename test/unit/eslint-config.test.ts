import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rules a one-line module at `path` (relative to the repository) breaks by importing `source`. */
async function brokenRules(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`export * from '${source}';\n`, { filePath: `${root}${path}` });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the import boundaries of eslint.config.js', () => {
  it.each([
    ['the domain importing the SCIM layer', 'shared/people/probe.ts', '../scim/json.js'],
    ['the domain importing the HTTP layer', 'shared/people/probe.ts', '../http/types.js'],
    ['the HTTP layer importing the SCIM layer', 'shared/http/probe.ts', '../scim/json.js'],
    ['a handler importing a store module', 'functions/probe/handler.ts', '../../shared/store/groups.js'],
    ['a sibling of the same layer', 'shared/auth/probe.ts', '../mail/escape.js'],
    ['the store importing a profile rule', 'shared/store/probe.ts', '../profile/names.js'],
    ['the domain building keys', 'shared/people/probe.ts', '../store/table.js'],
    ['the domain reading an entity declaration', 'shared/people/probe.ts', '../store/entities/team-member.js'],
    ['the console importing the SCIM layer', 'shared/console/probe.ts', '../scim/endpoint.js'],
    ['a shared root module importing a layer', 'shared/probe.ts', './store/groups.js'],
  ])('reports %s', async (_case, path, source) => {
    expect(await brokenRules(path, source)).toEqual(['import-x/no-restricted-paths']);
  });

  it.each([
    ['a handler importing the domain', 'functions/probe/handler.ts', '../../shared/people/ids.js'],
    ['the SCIM layer importing the store', 'shared/scim/probe.ts', '../store/groups.js'],
    ['the store importing the field ownership it stores', 'shared/store/probe.ts', '../profile/field-ownership.js'],
    ['the domain importing a shared root module', 'shared/people/probe.ts', '../errors.js'],
  ])('allows %s', async (_case, path, source) => {
    expect(await brokenRules(path, source)).toEqual([]);
  });
});

describe('the SDK boundaries of eslint.config.js', () => {
  it.each([
    ['the domain', 'shared/people/probe.ts', '@aws-sdk/lib-dynamodb'],
    ['a handler', 'functions/probe/handler.ts', '@aws-sdk/client-dynamodb'],
    ['a test', 'test/integration/probe.test.ts', '@aws-sdk/util-dynamodb'],
    ['the mailer', 'shared/mail/probe.ts', '@aws-sdk/client-dynamodb-streams'],
    ['the store', 'shared/store/probe.ts', '@aws-sdk/client-ses'],
    ['the domain', 'shared/people/probe.ts', '@aws-sdk/client-ses'],
  ])('reports %s importing %s', async (_case, path, source) => {
    expect(await brokenRules(path, source)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['the store', 'shared/store/probe.ts', '@aws-sdk/lib-dynamodb'],
    ['the local stack', 'infra/local/probe.ts', '@aws-sdk/client-dynamodb-streams'],
    ['the test harness', 'test/support/probe.ts', '@aws-sdk/client-dynamodb'],
    ['the mailer', 'shared/mail/probe.ts', '@aws-sdk/client-ses'],
  ])('allows %s importing %s', async (_case, path, source) => {
    expect(await brokenRules(path, source)).toEqual([]);
  });
});

describe('the zod boundary of eslint.config.js', () => {
  it.each([
    ['the domain', 'shared/people/probe.ts', 'zod'],
    ['the SCIM layer', 'shared/scim/probe.ts', 'zod/mini'],
    ['a handler', 'functions/probe/handler.ts', 'zod'],
  ])('reports %s importing %s', async (_case, path, source) => {
    expect(await brokenRules(path, source)).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  it.each([
    ['the domain', 'shared/people/probe.ts', '../zod.js'],
    ['shared/zod.ts', 'shared/zod.ts', 'zod/mini'],
    ['the CDK app', 'infra/probe.ts', 'zod'],
  ])('allows %s importing %s', async (_case, path, source) => {
    expect(await brokenRules(path, source)).toEqual([]);
  });
});

import './local/quiet-sdk-warning.js';
import { createReadStream, createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import * as z from 'zod';

/**
 * The operator's CLI (`npm run admin -- <command>`): what a platform engineer running Roster does
 * to whole companies, with AWS credentials allowed to use the table (or `--local`). Each command
 * has its own --help; errors are sentences on stderr with exit code 1 (2 for a wrong invocation).
 */

const TARGET_HELP = `Where:
  --table <name> --region <region>   the deployed table (the stack's TableName output), with your AWS credentials
  --local [--state-dir .local]       the local stack started by npm start (reads <state dir>/stack.json)`;

const tenantId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a tenant id is 2-63 lower-case letters, digits or hyphens');
const domain = z.string().regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,63}$/i, 'a domain looks like acme.com');

type ExportLineType = import('../shared/people/company/operator.js').ExportLine;
type Values = Record<string, string | boolean | string[] | undefined>;

interface Command {
  usage: string;
  summary: string;
  /** How many positional arguments (after the command words) it takes, and their names. */
  positionals: string[];
  options?: ParseArgsConfig['options'];
  run: (args: { positionals: string[]; values: Values }) => Promise<void>;
}

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const note = (line: string): void => void process.stderr.write(`${line}\n`);

class UsageError extends Error {}
class Failure extends Error {}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${what}: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
  return result.data;
}

const commands: Record<string, Command> = {
  'companies list': {
    summary: 'every company: tenant, name, members, groups, state',
    usage: 'companies list [--json]',
    positionals: [],
    options: { json: { type: 'boolean' } },
    async run({ values }) {
      const { listCompanies } = await import('../shared/people/company/operator.js');
      const companies = await listCompanies();
      if (values.json) return out(JSON.stringify(companies.map(({ company, members, groups }) => ({ tenantId: company.tenantId, name: company.name, members, groups, suspendedAt: company.suspendedAt }))));
      if (!companies.length) return out('No companies.');
      out(table([['TENANT', 'NAME', 'MEMBERS', 'GROUPS', 'STATE'], ...companies.map(({ company, members, groups }) => [company.tenantId, company.name, String(members), String(groups), company.suspendedAt ? `suspended ${company.suspendedAt}` : 'active'])]));
    },
  },
  'companies show': {
    summary: 'one company: settings, counts, connections, admin tokens',
    usage: 'companies show <tenant>',
    positionals: ['tenant'],
    async run({ positionals: [tenant] }) {
      const { showCompany } = await import('../shared/people/company/operator.js');
      const { listAdminTokens } = await import('../shared/auth/admin-tokens.js');
      const shown = await showCompany(tenant!);
      if (!shown) throw new Failure(`There is no company ${tenant}.`);
      const { company, members, groups, connections } = shown;
      const tokens = await listAdminTokens(tenant!);
      out(`${company.name} (tenant ${company.tenantId})`);
      out(`  State              ${company.suspendedAt ? `SUSPENDED since ${company.suspendedAt} (${company.suspendedReason ?? 'no reason given'})` : 'active'}`);
      out(`  Created            ${company.createdAt}`);
      out(`  Verified domains   ${company.domains.join(', ')}`);
      if (company.pendingDomains?.length) out(`  Pending domains    ${company.pendingDomains.map((pending) => pending.domain).join(', ')}`);
      out(`  Time zone          ${company.defaultTimeZone}`);
      out(`  Provisioning       ${company.provisioningSource}`);
      out(`  Members            ${members}`);
      out(`  Groups             ${groups}`);
      out(`  Connections        ${connections.filter((connection) => !connection.deletedAt).map((connection) => `${connection.name} (${connection.source}, ${connection.id})`).join('; ') || 'none'}`);
      out(`  Admin tokens       ${tokens.filter((token) => token.state === 'active').length} active, ${tokens.length} in all (admin-token list ${tenant})`);
    },
  },
  'companies create': {
    summary: 'a new company with an Okta connection; prints its SCIM token and admin token, once',
    usage: 'companies create --tenant <tenant> --name "Acme Inc" --domain acme.com [--domain …] --time-zone America/New_York [--connection-name Okta]',
    positionals: [],
    options: { tenant: { type: 'string' }, name: { type: 'string' }, domain: { type: 'string', multiple: true }, 'time-zone': { type: 'string' }, 'connection-name': { type: 'string' } },
    async run({ values }) {
      const tenant = parsed(tenantId, values.tenant, '--tenant');
      const name = parsed(z.string().trim().min(1, 'is required').max(200), values.name ?? '', '--name');
      const domains = parsed(z.array(domain).min(1, 'give at least one --domain'), values.domain ?? [], '--domain');
      const timeZone = parsed(
        z.string().refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', 'must be an IANA time zone like America/New_York'),
        values['time-zone'] ?? '',
        '--time-zone',
      );
      const connectionName = parsed(z.string().trim().min(1).max(100), values['connection-name'] ?? 'Okta', '--connection-name');
      const { createCompany } = await import('../shared/people/company/companies.js');
      const { createConnection } = await import('../shared/auth/connections.js');
      const { issueToken } = await import('../shared/auth/issue-token.js');
      const { issueAdminToken } = await import('../shared/auth/admin-tokens.js');
      try {
        await createCompany({ tenantId: tenant, name, domains, defaultTimeZone: timeZone });
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') throw new Failure(`A company with tenant id ${tenant} already exists.`);
        throw error;
      }
      const connection = await createConnection(tenant, { name: connectionName, source: 'okta' });
      const scimToken = await issueToken(tenant, connection.id, 'scim');
      const admin = await issueAdminToken(tenant);
      out(`Company ${name} created (tenant ${tenant}).`);
      out(`  SCIM token   ${scimToken}`);
      out(`               for Okta: Provisioning → Integration → API Token (connection "${connectionName}")`);
      out(`  Admin token  ${admin.token}`);
      out(`               for the admin API: Authorization: Bearer <admin token>; id ${admin.summary.id}, expires ${admin.summary.expiresAt}`);
      out('Store both now: Roster keeps only their hashes.');
    },
  },
  'companies suspend': {
    summary: 'refuse every SCIM, admin API and console request of the company (nothing is deleted)',
    usage: 'companies suspend <tenant> [--reason "unpaid invoice"]',
    positionals: ['tenant'],
    options: { reason: { type: 'string' } },
    async run({ positionals: [tenant], values }) {
      const { suspendCompany } = await import('../shared/people/company/operator.js');
      if (!(await suspendCompany(tenant!, String(values.reason ?? 'suspended by the operator')))) throw new Failure(`There is no company ${tenant}.`);
      out(`${tenant} is suspended: its requests are refused (warm functions notice within the token cache time, 15 s by default). Nothing was deleted; "companies resume ${tenant}" undoes it.`);
    },
  },
  'companies resume': {
    summary: 'accept the requests of a suspended company again',
    usage: 'companies resume <tenant>',
    positionals: ['tenant'],
    async run({ positionals: [tenant] }) {
      const { resumeCompany } = await import('../shared/people/company/operator.js');
      if (!(await resumeCompany(tenant!))) throw new Failure(`There is no company ${tenant}.`);
      out(`${tenant} is active again.`);
    },
  },
  'companies delete': {
    summary: 'delete every item of the company (offboarding); --dry-run counts them',
    usage: 'companies delete <tenant> (--dry-run | --yes) [--stop-after-batches N]',
    positionals: ['tenant'],
    options: { 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' }, 'stop-after-batches': { type: 'string' } },
    async run({ positionals: [tenant], values }) {
      const { countCompanyItems, deleteCompany } = await import('../shared/people/company/operator.js');
      if (values['dry-run'] || !values.yes) {
        const counted = await countCompanyItems(tenant!);
        const total = sum(counted);
        if (!total) return out(`Nothing of ${tenant} is stored.`);
        out(`${values['dry-run'] ? 'Would delete' : 'Stored'} for ${tenant}: ${total} items`);
        out(table(Object.entries(counted).sort(([a], [b]) => a.localeCompare(b)).map(([type, count]) => [`  ${type}`, String(count)])));
        if (!values['dry-run']) throw new UsageError(`Nothing was deleted: add --yes to delete these ${total} items of ${tenant} (or --dry-run to only count them).`);
        return;
      }
      const stopAfterBatches = values['stop-after-batches'] === undefined ? undefined : parsed(z.coerce.number().int().min(0), values['stop-after-batches'], '--stop-after-batches');
      let shown = 0;
      const outcome = await deleteCompany(tenant!, {
        ...(stopAfterBatches === undefined ? {} : { stopAfterBatches }),
        onProgress: ({ deleted }) => {
          if (deleted - shown >= 1_000) note(`  … ${(shown = deleted)} items deleted`);
        },
      });
      if (outcome.stopped) {
        out(`Stopped after ${outcome.batches} batches (${outcome.deleted} items deleted). Run "companies delete ${tenant} --yes" again to finish.`);
        return;
      }
      out(`Deleted ${outcome.deleted} items of ${tenant} in ${outcome.batches} batches.`);
      for (const [type, count] of Object.entries(outcome.byType).sort(([a], [b]) => a.localeCompare(b))) out(`  ${type} ${count}`);
      if (outcome.remaining) throw new Failure(`The final check still found ${outcome.remaining} items of ${tenant} (written meanwhile?): run the delete again.`);
      out(`Final check: nothing of ${tenant} remains.`);
    },
  },
  'companies export': {
    summary: "the company's settings, configuration, groups, members and memberships as JSON Lines",
    usage: 'companies export <tenant> [--out file.jsonl]   (standard output without --out)',
    positionals: ['tenant'],
    options: { out: { type: 'string' } },
    async run({ positionals: [tenant], values }) {
      const { exportCompany } = await import('../shared/people/company/operator.js');
      const target = values.out ? createWriteStream(String(values.out)) : process.stdout;
      const write = (line: unknown) =>
        new Promise<void>((resolve, reject) => {
          // Waits for the stream when its buffer is full: the export is never held whole in memory.
          if (target.write(`${JSON.stringify(line)}\n`)) resolve();
          else target.once('drain', resolve).once('error', reject);
        });
      const lines = await exportCompany(tenant!, write);
      if (!lines) throw new Failure(`There is no company ${tenant}.`);
      if (values.out) {
        await new Promise<void>((resolve, reject) => (target as WriteStream).end((error?: Error | null) => (error ? reject(error) : resolve())));
        out(`Exported ${lines} lines of ${tenant} to ${String(values.out)}.`);
      }
    },
  },
  'companies import': {
    summary: 'restore an export into a company that has nothing stored (a restore drill, a move)',
    usage: 'companies import <tenant> <file.jsonl>',
    positionals: ['tenant', 'file'],
    async run({ positionals: [tenant, file] }) {
      const { CompanyNotEmpty, importCompany } = await import('../shared/people/company/operator.js');
      let input: ReturnType<typeof createReadStream>;
      try {
        input = createReadStream(file!);
        await new Promise<void>((resolve, reject) => input.once('readable', () => resolve()).once('error', reject));
      } catch {
        throw new Failure(`Cannot read ${file}.`);
      }
      async function* lines() {
        let number = 0;
        for await (const text of createInterface({ input, crlfDelay: Infinity })) {
          number += 1;
          if (!text.trim()) continue;
          try {
            yield JSON.parse(text) as ExportLineType;
          } catch {
            throw new Failure(`Line ${number} of ${file} is not JSON: is it an export of "companies export"?`);
          }
        }
      }
      try {
        let shown = 0;
        const counts = await importCompany(tenant!, lines(), (written) => {
          if (written - shown >= 1_000) note(`  … ${(shown = written)} items written`);
        });
        out(`Imported into ${tenant}: ${counts.members} members, ${counts.groups} groups. Issue it tokens now (admin-token issue ${tenant}; SCIM tokens through the admin API).`);
      } catch (error) {
        if (error instanceof CompanyNotEmpty) throw new Failure(error.message);
        throw error;
      }
    },
  },
  'admin-token issue': {
    summary: 'a new admin token for the company, printed once',
    usage: 'admin-token issue <tenant> [--days N]   (default ADMIN_TOKEN_DAYS, 365)',
    positionals: ['tenant'],
    options: { days: { type: 'string' } },
    async run({ positionals: [tenant], values }) {
      const days = values.days === undefined ? undefined : parsed(z.coerce.number().int().min(1).max(3_650), values.days, '--days');
      const { getTenant } = await import('../shared/store/tenants.js');
      if (!(await getTenant(tenant!))) throw new Failure(`There is no company ${tenant}.`);
      const { issueAdminToken } = await import('../shared/auth/admin-tokens.js');
      const { token, summary } = await issueAdminToken(tenant!, days);
      out(`Admin token for ${tenant} (id ${summary.id}, expires ${summary.expiresAt}):`);
      out(`  ${token}`);
      out('Store it now: Roster keeps only its hash.');
    },
  },
  'admin-token list': {
    summary: "the company's admin tokens: id, created, expires, last used, state (never the token)",
    usage: 'admin-token list <tenant>',
    positionals: ['tenant'],
    async run({ positionals: [tenant] }) {
      const { listAdminTokens } = await import('../shared/auth/admin-tokens.js');
      const tokens = await listAdminTokens(tenant!);
      if (!tokens.length) return out(`${tenant} has no admin tokens.`);
      out(
        table([
          ['ID', 'CREATED', 'EXPIRES', 'LAST USED', 'STATE'],
          ...tokens.map((token) => [token.id, token.createdAt, token.expiresAt ?? 'never', token.lastUsedAt ?? 'never', token.state === 'revoked' ? `revoked ${token.revokedAt}` : token.state]),
        ]),
      );
    },
  },
  'admin-token revoke': {
    summary: 'revoke one admin token by the id "admin-token list" shows',
    usage: 'admin-token revoke <tenant> <token id>',
    positionals: ['tenant', 'token id'],
    async run({ positionals: [tenant, id] }) {
      const { revokeAdminToken } = await import('../shared/auth/admin-tokens.js');
      const revoked = await inWords(revokeAdminToken(tenant!, id!));
      out(`Admin token ${revoked.id} of ${tenant} is revoked (refused within the token cache time, 15 s by default).`);
    },
  },
  'admin-token rotate': {
    summary: 'a new admin token in place of one (by id), printed once; the old one is revoked',
    usage: 'admin-token rotate <tenant> <token id> [--days N]   (default ADMIN_TOKEN_DAYS, 365)',
    positionals: ['tenant', 'token id'],
    options: { days: { type: 'string' } },
    async run({ positionals: [tenant, id], values }) {
      const days = values.days === undefined ? undefined : parsed(z.coerce.number().int().min(1).max(3_650), values.days, '--days');
      const { rotateAdminToken } = await import('../shared/auth/admin-tokens.js');
      const { token, summary, replaced } = await inWords(rotateAdminToken(tenant!, id!, days));
      out(`Admin token for ${tenant} (id ${summary.id}, expires ${summary.expiresAt}), in place of ${replaced.id}:`);
      out(`  ${token}`);
      out(`Store it now: Roster keeps only its hash. ${replaced.id} is revoked (refused within the token cache time, 15 s by default).`);
    },
  },
  'members erase': {
    summary: "erase one person's personal values (deletes the member if needed; history kept, its values redacted)",
    usage: 'members erase <tenant> <member id>',
    positionals: ['tenant', 'member id'],
    async run({ positionals: [tenant, id] }) {
      const { eraseTeamMember } = await import('../shared/people/members/erasure.js');
      try {
        await eraseTeamMember({ tenantId: tenant!, connectionId: 'operator', scope: 'admin' }, id!);
      } catch (error) {
        if ((error as { status?: number }).status === 404) throw new Failure(`${tenant} has no team member ${id}.`);
        throw error;
      }
      out(`Team member ${id} of ${tenant} is erased: personal values removed, history redacted, name and externalId free again.`);
    },
  },
  'members track-inactive': {
    summary: "give members deactivated or deleted before inactivity clocks existed one, for the company's retention",
    usage: 'members track-inactive <tenant>',
    positionals: ['tenant'],
    async run({ positionals: [tenant] }) {
      const { trackInactiveMembers } = await import('../shared/people/company/operator.js');
      const inactive = await trackInactiveMembers(tenant!);
      if (inactive === undefined) throw new Failure(`No company ${tenant}.`);
      out(`${inactive} deactivated or deleted member(s) of ${tenant} have an inactivity clock (those that had none count from their last write).`);
    },
  },
  'table backfill-tenant-index': {
    summary: 'give items written before the tenant index (or its present token keys) existed their keys, once per table (scans the table)',
    usage: 'table backfill-tenant-index [--dry-run]',
    positionals: [],
    options: { 'dry-run': { type: 'boolean' } },
    async run({ values }) {
      const { backfillTenantIndex } = await import('../shared/people/company/operator.js');
      const dryRun = values['dry-run'] === true;
      const done = await backfillTenantIndex({ dryRun, onPage: ({ scanned, missing }) => note(`  … ${scanned} items read, ${missing} without their tenant-index keys`) });
      if (dryRun) return out(`Dry run: ${done.missing} of ${done.scanned} items lack their tenant-index keys; nothing was written (run again without --dry-run).`);
      out(`${done.written} of ${done.missing} items without their tenant-index keys got them (${done.scanned} items read)${done.written < done.missing ? `; ${done.missing - done.written} were deleted or indexed meanwhile` : ''}.`);
    },
  },
  'domains add': {
    summary: 'give a company verified domains (no DNS record needed: the operator vouches)',
    usage: 'domains add <tenant> --domain acme.co.uk [--domain …] --verified',
    positionals: ['tenant'],
    options: { domain: { type: 'string', multiple: true }, verified: { type: 'boolean' } },
    async run({ positionals: [tenant], values }) {
      if (!values.verified) throw new UsageError('Only the operator adds domains here, and they are verified: say so with --verified (a company adds pending domains itself, in its settings).');
      await addVerified(tenant!, values.domain);
    },
  },
  'upgrade awaiting-edges': {
    summary: "once, after upgrading to one partition of awaiting-manager edges per company: move every company's earlier ones (safe to run again)",
    usage: 'upgrade awaiting-edges',
    positionals: [],
    async run() {
      const { moveAwaitingEdgesOfEveryCompany } = await import('../shared/people/company/operator.js');
      const moved = await moveAwaitingEdgesOfEveryCompany((tenant, count) => note(`  ${tenant}: ${count} waits moved`));
      out(`Moved ${sum(moved)} waits of ${Object.keys(moved).length} companies: reports waiting for a manager are linked when it arrives.`);
    },
  },
};

async function addVerified(tenant: string, given: unknown): Promise<void> {
  const domains = parsed(z.array(domain).min(1, 'give at least one --domain'), given ?? [], '--domain');
  const { addVerifiedDomains } = await import('../shared/people/company/domain-verification.js');
  const company = await addVerifiedDomains(tenant, domains);
  out(`Verified domains of ${tenant}: ${company.domains.join(', ')}`);
}

/** The first commands' spelling, kept working. */
const aliases: Record<string, (values: Values) => { name: string; positionals: string[] }> = {
  'create-company': () => ({ name: 'companies create', positionals: [] }),
  'add-verified-domain': (values) => ({ name: 'domains add', positionals: [String(values.tenant ?? '')] }),
};

/** Options of the older spellings (create-company took --tenant; add-verified-domain too). */
const LEGACY_OPTIONS = {
  tenant: { type: 'string' },
  domain: { type: 'string', multiple: true },
  name: { type: 'string' },
  'time-zone': { type: 'string' },
  'connection-name': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const COMMON_OPTIONS = {
  local: { type: 'boolean' },
  'state-dir': { type: 'string' },
  table: { type: 'string' },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    "Roster's operator CLI: npm run admin -- <command> [arguments] (--table … --region … | --local)",
    '',
    ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    'Older spellings still work: create-company (= companies create), add-verified-domain --tenant … (= domains add … --verified).',
    '',
    TARGET_HELP,
    '',
    'Each command has --help (npm run admin -- companies delete --help).',
  ].join('\n');
}

function commandHelp(name: string, command: Command): string {
  return [`npm run admin -- ${command.usage} (--table … --region … | --local)`, '', `${name}: ${command.summary}.`, '', TARGET_HELP].join('\n');
}

/** shared/config.ts reads the environment once, at first use: set it before loading the store. */
function pointAtTable(values: Values): void {
  if (values.local) {
    const stateDir = String(values['state-dir'] ?? '.local');
    let stack: { tableName: string; dynamoDbEndpoint: string };
    try {
      stack = JSON.parse(readFileSync(join(stateDir, 'stack.json'), 'utf8')) as typeof stack;
    } catch {
      throw new Failure(`No local stack found in ${stateDir} (${join(stateDir, 'stack.json')}): start it with npm start, or give --state-dir.`);
    }
    process.env.TABLE_NAME = stack.tableName;
    process.env.DYNAMODB_ENDPOINT = stack.dynamoDbEndpoint;
    return;
  }
  if (!values.table || !values.region) throw new UsageError('Say which table: --table <name> --region <region>, or --local.');
  process.env.TABLE_NAME = String(values.table);
  process.env.AWS_REGION = String(values.region);
}

async function main(argv: string[]): Promise<void> {
  // The command's words may come anywhere among the options (`--local companies list`).
  const at = argv.findIndex((word, index) => `${word} ${argv[index + 1]}` in commands || word in aliases);
  if (at < 0) {
    const words = argv.filter((word) => !word.startsWith('-'));
    if (!words.length || words[0] === 'help') return out(overview());
    throw new UsageError(`Unknown command "${words.slice(0, 2).join(' ')}".\n\n${overview()}`);
  }
  const alias = aliases[argv[at]!];
  const rest = [...argv.slice(0, at), ...argv.slice(at + (alias ? 1 : 2))];
  const commandName = alias ? alias({}).name : `${argv[at]} ${argv[at + 1]}`;
  const command = commands[commandName]!;
  const aliasOptions = alias ? LEGACY_OPTIONS : {};
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, strict: false, options: { ...COMMON_OPTIONS, ...(command.options ?? {}), ...aliasOptions } });
  if (values.help) return out(commandHelp(commandName, command));
  const known = new Set([...Object.keys(COMMON_OPTIONS), ...Object.keys(command.options ?? {}), ...Object.keys(aliasOptions)]);
  const unknown = Object.keys(values).filter((option) => !known.has(option));
  if (unknown.length) throw new UsageError(`${commandName} has no option ${unknown.map((option) => `--${option}`).join(', ')}.\n\n${commandHelp(commandName, command)}`);
  const given = alias ? alias(values).positionals : positionals;
  if (given.length !== command.positionals.length) {
    const wanted = command.positionals.length ? command.positionals.map((positional) => `<${positional}>`).join(' ') : 'no arguments';
    throw new UsageError(`${commandName} takes ${wanted}.\n\n${commandHelp(commandName, command)}`);
  }
  if (command.positionals[0] === 'tenant') parsed(tenantId, given[0], 'tenant');
  pointAtTable(values);
  await command.run({ positionals: given, values: alias && commandName === 'domains add' ? { ...values, verified: true } : values });
}

/** A refusal of the domain (an unknown token id, a token that is not active) as the CLI's sentence on stderr. */
async function inWords<T>(work: Promise<T>): Promise<T> {
  const { isRosterError } = await import('../shared/errors.js');
  try {
    return await work;
  } catch (error) {
    if (isRosterError(error) && error.status < 500) throw new Failure(error.message);
    throw error;
  }
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    note(error.message);
    process.exit(2);
  }
  if (error instanceof Failure) {
    note(error.message);
    process.exit(1);
  }
  const { name, message } = error as Error;
  const hint =
    name === 'ResourceNotFoundException'
      ? ' (is the table name and region right?)'
      : name === 'CredentialsProviderError' || name === 'UnrecognizedClientException'
        ? ' (are your AWS credentials set?)'
        : name === 'AccessDeniedException'
          ? ' (your AWS credentials may not use this table)'
          : '';
  note(`Could not finish: ${message}${hint}`);
  process.exit(1);
});

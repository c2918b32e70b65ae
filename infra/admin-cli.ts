import './local/quiet-sdk-warning.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';

const usage = `Creates a company with an Okta connection and prints its SCIM token and admin token, once;
or gives an existing company more verified domains (no DNS record needed: the operator vouches).

  Deployed stack (AWS credentials allowed to write the table):
    npx tsx infra/admin-cli.ts create-company --table <TableName output> --region <region> \\
      --tenant acme --name "Acme Inc" --domain acme.com --time-zone America/New_York
    npx tsx infra/admin-cli.ts add-verified-domain --table <TableName output> --region <region> \\
      --tenant acme --domain acme.co.uk

  Local stack (npm start running): --local instead of --table/--region (reads <state dir>/stack.json).

Options: --domain may repeat; --connection-name names the Okta connection (default "Okta");
--state-dir is the local state directory (default .local).`;

const options = z.object({
  command: z.enum(['create-company', 'add-verified-domain'], { error: 'the commands are create-company and add-verified-domain' }),
  local: z.boolean().default(false),
  stateDir: z.string().default('.local'),
  table: z.string().min(3).optional(),
  region: z.string().min(1).optional(),
  tenant: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2-63 lower-case letters, digits or hyphens'),
  name: z.string().trim().min(1).max(200).optional(),
  domain: z.array(z.string().regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,63}$/i, 'must be a domain like acme.com')).min(1),
  timeZone: z.string().refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', 'must be an IANA time zone').optional(),
  connectionName: z.string().trim().min(1).max(100).default('Okta'),
});

function parse(): z.output<typeof options> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      local: { type: 'boolean' },
      'state-dir': { type: 'string' },
      table: { type: 'string' },
      region: { type: 'string' },
      tenant: { type: 'string' },
      name: { type: 'string' },
      domain: { type: 'string', multiple: true },
      'time-zone': { type: 'string' },
      'connection-name': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) exit(usage, 0);
  const parsed = options.safeParse({
    command: positionals[0],
    local: values.local,
    stateDir: values['state-dir'],
    table: values.table,
    region: values.region,
    tenant: values.tenant,
    name: values.name,
    domain: values.domain,
    timeZone: values['time-zone'],
    connectionName: values['connection-name'],
  });
  if (!parsed.success) exit(`${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n')}\n\n${usage}`, 2);
  if (!parsed.data.local && !(parsed.data.table && parsed.data.region)) exit(`--table and --region are required (or --local)\n\n${usage}`, 2);
  if (parsed.data.command === 'create-company' && !(parsed.data.name && parsed.data.timeZone)) exit(`create-company needs --name and --time-zone\n\n${usage}`, 2);
  return parsed.data;
}

function exit(message: string, code: number): never {
  (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
  process.exit(code);
}

/** shared/config.ts reads the environment once, at first use: set it before loading the store. */
function pointAtTable({ local, stateDir, table, region }: z.output<typeof options>): void {
  if (local) {
    const stack = JSON.parse(readFileSync(join(stateDir, 'stack.json'), 'utf8')) as { tableName: string; dynamoDbEndpoint: string };
    process.env.TABLE_NAME = stack.tableName;
    process.env.DYNAMODB_ENDPOINT = stack.dynamoDbEndpoint;
    return;
  }
  process.env.TABLE_NAME = table;
  process.env.AWS_REGION = region;
}

async function main(): Promise<void> {
  const args = parse();
  pointAtTable(args);
  if (args.command === 'add-verified-domain') {
    const { addVerifiedDomains } = await import('../shared/people/company/domain-verification.js');
    const company = await addVerifiedDomains(args.tenant, args.domain);
    process.stdout.write(`Verified domains of ${args.tenant}: ${company.domains.join(', ')}\n`);
    return;
  }
  const { createCompany } = await import('../shared/people/company/companies.js');
  const { createConnection } = await import('../shared/auth/connections.js');
  const { ADMIN_CONNECTION_ID, issueToken } = await import('../shared/auth/issue-token.js');

  await createCompany({ tenantId: args.tenant, name: args.name!, domains: args.domain, defaultTimeZone: args.timeZone! });
  const connection = await createConnection(args.tenant, { name: args.connectionName, source: 'okta' });
  const scimToken = await issueToken(args.tenant, connection.id, 'scim');
  const adminToken = await issueToken(args.tenant, ADMIN_CONNECTION_ID, 'admin');
  process.stdout.write(
    [
      `Company ${args.name} created (tenant ${args.tenant}).`,
      `  SCIM token   ${scimToken}`,
      `               for Okta: Provisioning → Integration → API Token (connection "${args.connectionName}")`,
      `  Admin token  ${adminToken}`,
      '               for the admin API: Authorization: Bearer <admin token>',
      'Store both now: Roster keeps only their hashes.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  const name = (error as Error).name;
  if (name === 'ConditionalCheckFailedException') exit('A company with this tenant id already exists.', 1);
  exit(`Could not create the company: ${(error as Error).message}`, 1);
});

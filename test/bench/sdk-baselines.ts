import type { FunctionDefinition } from '../../shared/routes.js';

/**
 * The entry files the cold-start section compares functions with: a bundle of only the AWS SDK
 * clients a function uses, and the same plus the smallest use of zod (classic API and zod/mini),
 * which shows the floor zod puts under every bundle.
 */
type Clients = Record<string, string>;
const TABLE_CLIENTS: Clients = { '@aws-sdk/client-dynamodb': 'DynamoDBClient', '@aws-sdk/lib-dynamodb': 'DynamoDBDocumentClient' };
const MAIL_CLIENTS: Clients = { '@aws-sdk/client-ses': 'SESClient' };

export interface EntrySource {
  name: string;
  source: string;
}

const clientsEntry = (clients: Clients): EntrySource => ({
  name: Object.keys(clients).map((module) => module.replace('@aws-sdk/', '')).join(' + '),
  source: `${Object.entries(clients).map(([module, name]) => `import { ${name} } from '${module}';`).join('\n')}\nexport const clients = [${Object.values(clients).join(', ')}];\n`,
});

/** The SDK clients a function uses, from the route table: the table's (unless it has no access), SES when it sends mail. */
export const sdkBaseline = (definition: FunctionDefinition): EntrySource =>
  clientsEntry({ ...(definition.tableAccess === 'none' ? {} : TABLE_CLIENTS), ...(definition.sendsMail ? MAIL_CLIENTS : {}) });

export const tableBaseline = (): EntrySource => clientsEntry(TABLE_CLIENTS);

/** The table's SDK clients plus one z.object of one z.string, from `zod` and from `zod/mini`, imported as shared/ imports zod. */
export const zodFloors = (): EntrySource[] =>
  ['zod', 'zod/mini'].map((module) => ({
    name: `${tableBaseline().name} + one \`z.object({ name: z.string() })\` from ${module}`,
    source: `${tableBaseline().source}import * as z from '${module}';\nexport const schema = z.object({ name: z.string() });\n`,
  }));

import { functionEntry } from '../../infra/project-paths.js';
import type { FunctionDefinition } from '../../shared/routes.js';

/**
 * The entry files the cold-start section compares functions with: a bundle of only the AWS SDK
 * clients a function uses.
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

const clientsOf = (definition: FunctionDefinition): Clients => ({
  ...(definition.tableAccess === 'none' ? {} : TABLE_CLIENTS),
  ...(definition.sendsMail ? MAIL_CLIENTS : {}),
});

/** Whether a function uses no SDK client at all (the API's 404 function). */
export const usesNoClient = (definition: FunctionDefinition) => Object.keys(clientsOf(definition)).length === 0;

/**
 * The SDK clients a function uses, from the route table: the table's (unless it has no access), SES
 * when it sends mail. A function that uses none is compared with the table's clients: the smallest
 * baseline any other function has (see functionEntryFor).
 */
export const sdkBaseline = (definition: FunctionDefinition): EntrySource => clientsEntry(usesNoClient(definition) ? TABLE_CLIENTS : clientsOf(definition));

/**
 * What the section bundles for a function: its handler, or, for a function that uses no SDK
 * client, its handler next to the table's clients — so that it is held to the same allowance as
 * the others (what it adds to the smallest baseline), not divided by an empty bundle.
 */
export const functionEntryFor = (definition: FunctionDefinition): { functionName: string } | { source: string } =>
  usesNoClient(definition)
    ? { source: `${clientsEntry(TABLE_CLIENTS).source}export { handler } from ${JSON.stringify(functionEntry(definition.name))};\n` }
    : { functionName: definition.name };

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { db } from '../../shared/store/client.js';

/**
 * The raw DynamoDB baseline of an operation: the document-client commands the operation really
 * sends are recorded (so the benchmark never rebuilds key shapes, which only shared/store knows)
 * and then issued again, one after another, straight to the same document client.
 */
type Command = Parameters<DynamoDBDocumentClient['send']>[0];
type CommandClass = new (input: unknown) => Command;
export interface RecordedCommand {
  type: CommandClass;
  input: unknown;
}

let recording: RecordedCommand[] | undefined;
let installed = false;

function installRecorder(): void {
  if (installed) return;
  installed = true;
  const client = db();
  const send = client.send.bind(client) as (command: Command, ...rest: unknown[]) => Promise<unknown>;
  (client as unknown as { send: typeof send }).send = (command, ...rest) => {
    recording?.push({ type: command.constructor as CommandClass, input: command.input });
    return send(command, ...rest);
  };
}

/** The commands `operation` sends to DynamoDB (in this process: the in-process HTTP adapter's handlers). */
export async function recordCommands<T>(operation: () => Promise<T>): Promise<{ result: T; commands: RecordedCommand[] }> {
  installRecorder();
  if (recording) throw new Error('recordCommands: one recording at a time');
  const commands: RecordedCommand[] = [];
  recording = commands;
  try {
    return { result: await operation(), commands };
  } finally {
    recording = undefined;
  }
}

/**
 * The same commands with every occurrence of each `replacements` key (in strings, keys, nested
 * objects, arrays and sets) replaced, e.g. another user's id and name for a create that would
 * otherwise fail its uniqueness conditions.
 */
export function withReplacements(commands: RecordedCommand[], replacements: Record<string, string>): RecordedCommand[] {
  const pairs = Object.entries(replacements);
  const text = (value: string) => pairs.reduce((result, [from, to]) => result.replaceAll(from, to), value);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value instanceof Set) return new Set([...value].map(walk));
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [text(key), walk(inner)]));
    }
    return value;
  };
  return commands.map((command) => ({ type: command.type, input: walk(command.input) }));
}

/** Sends the commands again, in order, each waiting for the previous one. */
export async function sendRaw(commands: RecordedCommand[]): Promise<void> {
  for (const command of commands) await db().send(new command.type(command.input));
}

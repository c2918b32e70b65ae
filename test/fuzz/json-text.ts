/**
 * JSON text that JSON.stringify cannot produce: nesting deeper than its recursion limit. A body
 * holding a RawJson is serialized by toJsonText, which splices the text in where the value sits.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

export function toJsonText(value: unknown): string {
  const raw: string[] = [];
  const text = JSON.stringify(value, (_key, entry: unknown) => {
    if (!(entry instanceof RawJson)) return entry;
    raw.push(entry.text);
    return `\u0000raw:${raw.length - 1}\u0000`;
  });
  return text === undefined ? '' : text.replace(/"\\u0000raw:(\d+)\\u0000"/g, (_match, index: string) => raw[Number(index)]!);
}

/** DynamoDB command names as a short list: "GetItem, BatchGetItem ×20, TransactWriteItems ×21". */
export function commandSummary(sent: string[]): string {
  const counts = new Map<string, number>();
  for (const name of sent) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, times]) => `${name.replace(/Command$/, '')}${times > 1 ? ` ×${times}` : ''}`).join(', ');
}

/** Requests per item by command, most first: "GetItem 4.95, Query 5.00 (per record)". */
export function commandRates(sent: string[], items: number): string {
  const counts = new Map<string, number>();
  for (const name of sent) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .sort(([, a], [, b]) => b - a)
    .map(([name, times]) => `${name.replace(/Command$/, '')} ${(times / items).toFixed(2)}`)
    .join(', ');
}

/** One JSON line of Roster's logs (Powertools Logger's fields and the ones Roster adds). */
export interface LogLine {
  level: string;
  message: string;
  [field: string]: unknown;
}

/**
 * What the process writes to stdout and stderr while `run` runs — Roster's log lines — kept
 * instead of printed, one string per line.
 */
export async function writtenLinesOf(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const restore = [process.stdout, process.stderr].map((stream) => {
    const write = stream.write;
    stream.write = ((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    }) as typeof stream.write;
    return () => (stream.write = write);
  });
  try {
    await run();
  } finally {
    for (const undo of restore) undo();
  }
  return lines;
}

/** The log lines written while `run` runs, parsed. */
export async function logLinesOf(run: () => Promise<unknown>): Promise<LogLine[]> {
  return (await writtenLinesOf(run)).map((line) => JSON.parse(line) as LogLine);
}

/** Console output of the benchmark: what it is doing, and a progress line while it seeds. */
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`;

export function say(message: string): void {
  process.stdout.write(`${elapsed()}  ${message}\n`);
}

/** A progress counter: redrawn in place on a terminal, a line every 10% otherwise (CI logs). */
export function progress(label: string, total: number): { add(done: number): void; finish(): void } {
  let done = 0;
  let shownAt = 0;
  let shownTenth = 0;
  const line = () => `${elapsed()}  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.floor((done / total) * 100)}%)`;
  return {
    add(count: number) {
      done += count;
      if (process.stdout.isTTY) {
        if (performance.now() - shownAt < 100 && done < total) return;
        shownAt = performance.now();
        process.stdout.write(`\r${line()}`);
      } else if (Math.floor((done / total) * 10) > shownTenth) {
        shownTenth = Math.floor((done / total) * 10);
        process.stdout.write(`${line()}\n`);
      }
    },
    finish() {
      if (process.stdout.isTTY) process.stdout.write(`\r${line()}\n`);
    },
  };
}


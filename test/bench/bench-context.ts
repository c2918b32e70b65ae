/** What every section gets: the local HTTP API and the SES emulator of this run. */
export interface BenchContext {
  baseUrl: string;
  sesUrl: string;
}

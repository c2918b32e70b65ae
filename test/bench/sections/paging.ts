import type { BenchContext } from '../bench-context.js';
import { benchTenant, expectStatus, type BenchTenant } from '../bench-tenant.js';
import { progress, say } from '../progress.js';
import { recordCommands, sendRaw } from '../raw-commands.js';
import { count, mark, ratio, table, type Section } from '../report.js';
import { seedUsers } from '../seed.js';
import { median, timed, timeInterleaved } from '../stats.js';

const USERS = 10_000;
const PAGE = 100;
const PAGES = USERS / PAGE;
const REPETITIONS = 40;
const TARGET = 1.3;

type Mode = 'startIndex' | 'cursor';
interface ListResponse {
  totalResults: number;
  Resources: unknown[];
  nextCursor?: string;
}

/**
 * Pages through the whole list the way Okta does (page after page), timing each page, and keeps
 * the query of every page so single pages can be asked for again.
 */
async function pageThrough({ scim }: BenchTenant, mode: Mode): Promise<{ queries: string[]; times: number[] }> {
  const queries: string[] = [];
  const times: number[] = [];
  const shown = progress(`paging ${count(USERS)} users by ${mode}`, PAGES);
  let cursor = '';
  for (let page = 1; page <= PAGES; page += 1) {
    const query = mode === 'startIndex' ? `startIndex=${1 + (page - 1) * PAGE}&count=${PAGE}` : `cursor=${encodeURIComponent(cursor)}&count=${PAGE}`;
    let response;
    times.push(await timed(async () => (response = await scim('GET', `/Users?${query}`))));
    const body = expectStatus(response!, 200, `GET /Users?${query}`).json<ListResponse>();
    if (body.Resources.length !== PAGE || body.totalResults !== USERS) throw new Error(`page ${page} by ${mode}: ${body.Resources.length} of ${body.totalResults} users`);
    cursor = body.nextCursor ?? '';
    queries.push(query);
    shown.add(1);
  }
  shown.finish();
  return { queries, times };
}

async function measureMode(bench: BenchTenant, mode: Mode) {
  const { queries, times } = await pageThrough(bench, mode);
  const get = (page: number) => () => bench.scim('GET', `/Users?${queries[page - 1]}`);
  const raw = { first: (await recordCommands(get(1))).commands, last: (await recordCommands(get(PAGES))).commands };
  const shown = progress(`pages 1, 2 and ${PAGES} by ${mode}, through HTTP and raw`, REPETITIONS);
  const samples = await timeInterleaved(
    {
      first: get(1),
      second: get(2),
      last: get(PAGES),
      rawFirst: () => sendRaw(raw.first),
      rawLast: async () => {
        await sendRaw(raw.last);
        shown.add(1);
      },
    },
    REPETITIONS,
    2,
  );
  shown.finish();
  const [first, second, last, rawFirst, rawLast] = [samples.first, samples.second, samples.last, samples.rawFirst, samples.rawLast].map(median) as [number, number, number, number, number];
  say(`  by ${mode}: page 1 ${first.toFixed(1)} ms, page 2 ${second.toFixed(1)} ms, page ${PAGES} ${last.toFixed(1)} ms; raw page 1 ${rawFirst.toFixed(1)} ms, page ${PAGES} ${rawLast.toFixed(1)} ms`);
  return {
    mode,
    lastOverFirst: last / first,
    lastOverSecond: last / second,
    passLastOverFirst: median(times.slice(-10)) / median(times.slice(0, 10)),
    requestsFirst: raw.first.length,
    requestsLast: raw.last.length,
    rawLastOverFirst: rawLast / rawFirst,
    /** How much of page 100's extra time the raw requests account for; undefined when they add none. */
    extraOverRawExtra: rawLast > rawFirst ? (last - first) / (rawLast - rawFirst) : undefined,
  };
}

type Measured = Awaited<ReturnType<typeof measureMode>>;

function diagnosis(missed: Measured[]): string {
  return missed
    .map((row) => {
      const extraRequest = row.requestsLast > row.requestsFirst
        ? `; page ${PAGES} sends ${row.requestsLast} DynamoDB requests to page 1’s ${row.requestsFirst} (finding where it starts, which page 1 does not need)`
        : '';
      const database = row.extraOverRawExtra !== undefined && row.extraOverRawExtra <= 1.2
        ? `what page ${PAGES} takes longer than page 1 through HTTP is ${ratio(row.extraOverRawExtra)} what its raw requests take longer in DynamoDB Local (control columns): the depth cost is the database’s — DynamoDB Local’s Query gets slower the deeper its ExclusiveStartKey — not Roster’s`
        : `the raw requests of page ${PAGES} take ${ratio(row.rawLastOverFirst)} as long as page 1’s (control column); the rest is Roster’s`;
      return `By ${row.mode}: page ${PAGES} ÷ page 2 is ${ratio(row.lastOverSecond)}${extraRequest}; ${database}.`;
    })
    .join(' ');
}

export async function measurePaging({ baseUrl }: BenchContext): Promise<Section> {
  const bench = await benchTenant(baseUrl);
  await seedUsers(bench.principal, bench.tenant.domain, 'l', USERS);
  const rows = [await measureMode(bench, 'startIndex'), await measureMode(bench, 'cursor')];
  const missed = rows.filter((row) => row.lastOverFirst > TARGET);
  return {
    title: 'Flat paging',
    target: `page ${PAGES} ÷ page 1 ≤ ${TARGET} (count=${PAGE}, ${count(USERS)} users)`,
    met: !missed.length,
    ...(missed.length ? { diagnosis: diagnosis(missed) } : {}),
    body: [
      `A company of ${count(USERS)} users, listed through HTTP with count=${PAGE}: first paged through once, page after page as Okta does; then page 1, page 2 and page ${PAGES} asked for again, interleaved, ${REPETITIONS} times each (medians). The controls replay the DynamoDB requests of page ${PAGES} and of page 1 raw, interleaved with the HTTP calls: how DynamoDB Local itself answers a deep page, and how much of page ${PAGES}’s extra time that accounts for.`,
      table(
        ['paging', `page ${PAGES} ÷ page 1`, `page ${PAGES} ÷ page 2`, `one pass: pages ${PAGES - 9}–${PAGES} ÷ pages 1–10`, `DynamoDB requests, page 1 / page ${PAGES}`, `control: raw requests of page ${PAGES} ÷ of page 1`, `control: page ${PAGES}’s extra time over page 1, HTTP ÷ raw`],
        rows.map((row) => [row.mode, `${ratio(row.lastOverFirst)} ${mark(row.lastOverFirst <= TARGET)}`, ratio(row.lastOverSecond), ratio(row.passLastOverFirst), `${row.requestsFirst} / ${row.requestsLast}`, ratio(row.rawLastOverFirst), row.extraOverRawExtra === undefined ? '—' : ratio(row.extraOverRawExtra)]),
      ),
    ],
  };
}

import type { BenchContext } from '../bench-context.js';
import type { Section } from '../report.js';
import { measureBigGroups } from './big-groups.js';
import { measureColdStart } from './cold-start.js';
import { measureNotifier } from './notifier.js';
import { measureOverhead } from './overhead.js';
import { measurePaging } from './paging.js';
import { measureRequestCounts } from './request-counts.js';

/** A section of the report: most measure the local stack; some (bundles) need none of it. */
export type BenchSection = { id: string; needsServices: true; run(context: BenchContext): Promise<Section> } | { id: string; needsServices: false; run(): Promise<Section> };

/** The report's sections, in order; `id` selects one on the command line. */
export const sections: BenchSection[] = [
  { id: 'overhead', needsServices: true, run: measureOverhead },
  { id: 'requests', needsServices: true, run: measureRequestCounts },
  { id: 'paging', needsServices: true, run: measurePaging },
  { id: 'big-groups', needsServices: true, run: measureBigGroups },
  { id: 'cold-start', needsServices: false, run: measureColdStart },
  { id: 'notifier', needsServices: true, run: measureNotifier },
];

import type { BenchContext } from '../bench-context.js';
import type { Section } from '../report.js';
import { measureBigGroups } from './big-groups.js';
import { measureColdStart } from './cold-start.js';
import { measureNotifier } from './notifier.js';
import { measureOverhead } from './overhead.js';
import { measurePaging } from './paging.js';
import { measureRequestCounts } from './request-counts.js';

/** The report's sections, in order; `id` selects one on the command line. */
export const sections: Array<{ id: string; run(context: BenchContext): Promise<Section> }> = [
  { id: 'overhead', run: measureOverhead },
  { id: 'requests', run: measureRequestCounts },
  { id: 'paging', run: measurePaging },
  { id: 'big-groups', run: measureBigGroups },
  { id: 'cold-start', run: measureColdStart },
  { id: 'notifier', run: measureNotifier },
];

import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (failed and longest first by the last run's timings, else larger files first), with
 * the files that seed tens of thousands of items — those that call `useOwnDynamoDb()` — moved to the
 * front. They take a minute or more each; started last (as on a fresh clone, which has no timings),
 * one worker would run a big seed alone while the other sat idle.
 */
export default class BigSeedsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const bigSeeds = new Set(sorted.filter((file) => readFileSync(file.moduleId, 'utf8').includes('useOwnDynamoDb()')));
    return [...bigSeeds, ...sorted.filter((file) => !bigSeeds.has(file))];
  }
}

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import BigSeedsFirst from './test/support/big-seeds-first.js';

// Two projects: `unit` (pure rules, no processes) and `integration` (real DynamoDB Local + SES
// emulator started by the global setup; end-to-end tests start the local stack as a user would).
// `npm test` runs both. Test files run in parallel, one per worker: an integration file mostly
// waits on DynamoDB Local's Java process, so a worker per core keeps both cores busy. Each worker
// has a DynamoDB Local of its own (test/support/worker-database.ts).
const workers = Number(process.env.TEST_WORKERS ?? Math.max(2, availableParallelism()));
// DynamoDB Local in a test run lives for minutes and answers small requests: the JVM's optimising
// compiler and parallel collector cost more CPU than they save there (test runs took 13% less CPU
// with them off). Set here, the test processes, the local stacks the end-to-end tests start and
// their Java processes all inherit it.
process.env.JAVA_TOOL_OPTIONS ??= '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

export default defineConfig({
  test: {
    maxWorkers: workers,
    sequence: { sequencer: BigSeedsFirst },
    // See infra/local/quiet-sdk-warning.ts.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/infra/**/*.test.ts'],
          testTimeout: 60_000,
          // The CDK tests synthesise the stack in a hook: seconds when idle, minutes on a busy machine.
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}', 'test/e2e/**/*.test.{ts,tsx}'],
          globalSetup: ['test/support/global-setup.ts'],
          // Bounds for a broken build only: a machine busy with other work can be several times
          // slower than an idle one, and a test must not fail for that.
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});

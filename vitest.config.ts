import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure rules, no processes) and `integration` (real DynamoDB Local + SES
// emulator started once by the global setup and shared by every file; end-to-end tests start the
// local stack as a user would). `npm test` runs both.
export default defineConfig({
  test: {
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
          fileParallelism: false,
        },
      },
    ],
  },
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import { resetConfigForTests } from '../../shared/config.js';
import { beginInvocationLog, endInvocationLog, log, setLogKeys } from '../../shared/log.js';
import { invocationTrace } from '../../shared/lambda-invocation.js';

/** What one call writes, by stream, parsed. */
function written(run: () => void): { stdout: Record<string, unknown>[]; stderr: Record<string, unknown>[] } {
  const lines = { stdout: [] as Record<string, unknown>[], stderr: [] as Record<string, unknown>[] };
  const restore = (['stdout', 'stderr'] as const).map((name) => {
    const write = process[name].write;
    process[name].write = ((chunk: string) => lines[name].push(JSON.parse(chunk)) > 0) as typeof write;
    return () => (process[name].write = write);
  });
  try {
    run();
  } finally {
    for (const undo of restore) undo();
  }
  return lines;
}

const saved = { ...process.env };
function configure(variables: Record<string, string>): void {
  Object.assign(process.env, { TABLE_NAME: 'roster', ...variables });
  resetConfigForTests();
}
beforeEach(() => configure({ LOG_LEVEL: 'info', LOG_DEBUG_SAMPLE_RATE: '0' }));
afterEach(() => {
  endInvocationLog();
  process.env = { ...saved };
  resetConfigForTests();
});

describe('a log line', () => {
  it('has the fields Powertools Logger writes, the Lambda context and the invocation keys, with undefined keys left out', () => {
    beginInvocationLog(lambdaContext('admin', 1_000), { requestId: 'api-1' });
    setLogKeys({ tenantId: 't1', connectionId: undefined });
    const { stdout } = written(() => log('info', 'request', { status: 200 }));
    expect(stdout).toEqual([
      {
        level: 'INFO',
        message: 'request',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        service: 'roster',
        sampling_rate: 0,
        cold_start: expect.any(Boolean),
        function_arn: expect.stringContaining(':function:admin'),
        function_memory_size: 512,
        function_name: 'admin',
        function_request_id: expect.any(String),
        requestId: 'api-1',
        tenantId: 't1',
        status: 200,
      },
    ]);
  });

  it('writes warnings and errors to stderr, with an Error field as its name, message and stack', () => {
    const { stdout, stderr } = written(() => {
      log('warn', 'slow');
      log('error', 'failed', { error: new TypeError('no such thing') });
    });
    expect(stdout).toEqual([]);
    expect(stderr.map((line) => line.level)).toEqual(['WARN', 'ERROR']);
    expect(stderr[1]!.error).toMatchObject({ name: 'TypeError', message: 'no such thing', stack: expect.stringContaining('TypeError') });
  });

  it('is left out below LOG_LEVEL, unless the invocation is sampled for debug', () => {
    configure({ LOG_LEVEL: 'warn', LOG_DEBUG_SAMPLE_RATE: '0' });
    beginInvocationLog(undefined);
    expect(written(() => log('info', 'request')).stdout).toEqual([]);
    configure({ LOG_LEVEL: 'warn', LOG_DEBUG_SAMPLE_RATE: '1' });
    beginInvocationLog(undefined);
    expect(written(() => log('debug', 'aws call')).stdout).toMatchObject([{ level: 'DEBUG', sampling_rate: 1 }]);
  });

  it('keeps no key of an invocation that has ended', () => {
    beginInvocationLog(lambdaContext('admin', 1_000), { tenantId: 't1' });
    endInvocationLog();
    const [line] = written(() => log('info', 'between invocations')).stdout;
    expect(line).not.toHaveProperty('tenantId');
    expect(line).not.toHaveProperty('function_name');
  });
});

describe('the invocation trace', () => {
  it('is the fields of the trace header the runtime sets', () => {
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=557abcec3ee5a047;Sampled=1';
    expect(invocationTrace()).toEqual({ Root: '1-5759e988-bd862e3fe1be46a994272793', Parent: '557abcec3ee5a047', Sampled: '1' });
    delete process.env._X_AMZN_TRACE_ID;
    expect(invocationTrace()).toBeUndefined();
  });
});

import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import type { BuildMiddleware, MetadataBearer, MiddlewareStack } from '@smithy/types';
import { config } from './config.js';
import { invocationTrace } from './lambda-invocation.js';
import { describeError, log } from './log.js';

/**
 * Every call of an AWS SDK client (DynamoDB, SES) becomes an X-Ray subsegment of the invocation's
 * trace — named after the service, with the operation, status, retries and AWS request id — and a
 * debug log line.
 *
 * Why not Powertools Tracer (`captureAWSv3Client`): it brings aws-xray-sdk-core (and semver,
 * cls-hooked, shimmer…). Bundled as the stack bundles a function, next to a bundle of only the
 * DynamoDB clients (335 KB), Tracer adds 122 KB (+36 %) and 20–56 % to module init (five runs, each
 * the median of 21–61 fresh imports); Logger adds 20 KB (+6 %) and no init time beyond the noise
 * (−8 % to +5 %). The cold-start target is ≤ 1.2× the size and ≤ 1.25× the init of such a bundle
 * for the whole function, so Tracer alone would exceed it; importing it only when tracing is on
 * would still put it on every deployed cold start. What it does for SDK calls is small, and this module does it: one subsegment document per
 * call, sent over UDP to the daemon Lambda runs (AWS_XRAY_DAEMON_ADDRESS), under the invocation's
 * trace as the runtime gives it (shared/lambda-invocation.ts), only when that trace is sampled; and
 * the trace header on the outgoing request, as the X-Ray SDK sets it.
 */

/** The daemon's protocol: this header line, then one segment document. */
const DAEMON_HEADER = '{"format":"json","version":1}\n';
const THROTTLING = /Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded|TooManyRequests/;
/** The UDP address in AWS_XRAY_DAEMON_ADDRESS: `host:port`, or the `udp:host:port` of `tcp:host:port udp:host:port`. */
const UDP_ADDRESS = /(?:^|\budp:)([^\s:]+):(\d{1,5})(?:\s|$)/;

interface Subsegment {
  id: string;
  start: number;
  traceId: string;
  parentId: string;
}

let socket: Socket | undefined;

/** Adds the tracing step to a client's middleware stack (after serialization, around its retries). */
export function traceAwsCalls<Input extends object, Output extends MetadataBearer>(client: { middlewareStack: MiddlewareStack<Input, Output> }, service: string): void {
  const middleware: BuildMiddleware<Input, Output> = (next, context) => async (args) => {
    const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
    const started = Date.now();
    const subsegment = startSubsegment(started);
    if (subsegment) setTraceHeader(args.request, subsegment);
    const tableName = (args.input as { TableName?: unknown }).TableName;
    const call = { service, operation, ...(typeof tableName === 'string' ? { tableName } : {}) };
    try {
      const output = await next(args);
      finish(call, started, subsegment, output.output.$metadata);
      return output;
    } catch (error) {
      finish(call, started, subsegment, (error as Partial<MetadataBearer>).$metadata ?? {}, error as Error);
      throw error;
    }
  };
  client.middlewareStack.add(middleware, { step: 'build', name: 'rosterAwsCallTracing' });
}

/** Where the daemon listens for UDP, from AWS_XRAY_DAEMON_ADDRESS; undefined when it names none. */
export function daemonUdpAddress(value: string | undefined): { host: string; port: number } | undefined {
  const address = UDP_ADDRESS.exec(value ?? '');
  return address ? { host: address[1]!, port: Number(address[2]) } : undefined;
}

function startSubsegment(started: number): Subsegment | undefined {
  if (!daemonUdpAddress(config().AWS_XRAY_DAEMON_ADDRESS)) return undefined;
  const trace = invocationTrace();
  if (!trace?.Root || !trace.Parent || trace.Sampled !== '1') return undefined;
  return { id: randomBytes(8).toString('hex'), start: started, traceId: trace.Root, parentId: trace.Parent };
}

function setTraceHeader(request: unknown, subsegment: Subsegment): void {
  const headers = (request as { headers?: Record<string, string> } | undefined)?.headers;
  if (headers) headers['X-Amzn-Trace-Id'] = `Root=${subsegment.traceId};Parent=${subsegment.id};Sampled=1`;
}

interface Call {
  service: string;
  operation: string;
  tableName?: string;
}

function finish(call: Call, started: number, subsegment: Subsegment | undefined, metadata: MetadataBearer['$metadata'], error?: Error): void {
  const ended = Date.now();
  const status = metadata.httpStatusCode;
  const retries = Math.max(0, (metadata.attempts ?? 1) - 1);
  log('debug', 'aws call', {
    awsService: call.service,
    operation: call.operation,
    status,
    retries,
    durationMs: ended - started,
    serviceRequestId: metadata.requestId,
    ...(error ? { errorName: error.name } : {}),
  });
  if (!subsegment) return;
  const throttle = status === 429 || (error !== undefined && THROTTLING.test(error.name));
  const fault = error !== undefined && !throttle && (status === undefined || status >= 500);
  send({
    id: subsegment.id,
    trace_id: subsegment.traceId,
    parent_id: subsegment.parentId,
    type: 'subsegment',
    name: call.service,
    namespace: 'aws',
    start_time: subsegment.start / 1000,
    end_time: ended / 1000,
    aws: {
      operation: call.operation,
      region: config().AWS_REGION,
      retries,
      ...(metadata.requestId ? { request_id: metadata.requestId } : {}),
      ...(call.tableName ? { table_name: call.tableName } : {}),
    },
    ...(status === undefined ? {} : { http: { response: { status } } }),
    ...(error
      ? {
          ...(fault ? { fault: true } : { error: true }),
          ...(throttle ? { throttle: true } : {}),
          // The error's type only: a service's message can quote the request (an SES refusal names the address).
          cause: { exceptions: [{ id: randomBytes(8).toString('hex'), type: error.name, remote: true }] },
        }
      : {}),
  });
}

function send(document: Record<string, unknown>): void {
  const address = daemonUdpAddress(config().AWS_XRAY_DAEMON_ADDRESS);
  if (!address) return;
  if (!socket) {
    // Unreferenced: an idle socket must not keep the process (or a test run) alive.
    socket = createSocket('udp4').unref();
    socket.on('error', (error) => {
      log('warn', 'X-Ray daemon socket failed', describeError(error));
      socket = undefined;
    });
  }
  socket.send(`${DAEMON_HEADER}${JSON.stringify(document)}`, address.port, address.host, (error) => {
    if (error) log('warn', 'X-Ray subsegment not sent', describeError(error));
  });
}

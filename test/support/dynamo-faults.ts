import {
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
  TransactionCanceledException,
  type CancellationReason,
} from '@aws-sdk/client-dynamodb';
import { db } from '../../shared/store/client.js';

/** Decides, per DynamoDB request of Roster's client, whether it fails and how (undefined: it goes through). */
export type Fault = (operation: string, input: Record<string, unknown>) => Error | undefined;

let installed = 0;

/**
 * Injects faults into Roster's own DynamoDB client through its middleware stack (the request
 * never leaves the process when it fails), in the initialize step: what Roster sees is what the
 * SDK hands over once its own retries are spent. Returns the function that removes it.
 */
export function injectDynamoFault(fault: Fault): () => void {
  const name = `rosterTestFault${(installed += 1)}`;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const error = fault(String(context.commandName ?? '').replace(/Command$/, ''), args.input as Record<string, unknown>);
      if (error) throw error;
      return next(args);
    },
    { step: 'initialize', name, priority: 'high' },
  );
  return () => void db().middlewareStack.remove(name);
}

const metadata = { $metadata: { httpStatusCode: 400 } };

export const throttled = () => new ProvisionedThroughputExceededException({ message: 'Throughput exceeds the current capacity of your table.', ...metadata });

/** Each error by which DynamoDB says a request was throttled, as the SDK hands it over. */
export const throttlingErrors = {
  ProvisionedThroughputExceededException: throttled,
  ThrottlingException: () => new ThrottlingException({ message: 'Rate of requests exceeds the allowed throughput.', ...metadata }),
  RequestLimitExceeded: () => new RequestLimitExceeded({ message: 'Throughput exceeds the current throughput limit for your account.', ...metadata }),
};

/** A cancelled transaction whose items report these codes (one per transaction item). */
export function cancelledTransaction(codes: Array<CancellationReason['Code']>): TransactionCanceledException {
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    CancellationReasons: codes.map((Code) => ({ Code })),
    ...metadata,
  });
}

/** The codes of a transaction of `size` items where item `at` has `code` and the rest None. */
export const reasonsWith = (size: number, at: number, code: string) => Array.from({ length: size }, (_, index) => (index === at ? code : 'None'));

import type { ConnectionSource } from '../store/connections.js';
import type { TokenScope } from '../store/tokens.js';

/** Who is calling: resolved from the bearer token, never from the URL. */
export interface Principal {
  tenantId: string;
  connectionId: string;
  scope: TokenScope;
  /** For SCIM callers: their connection's provisioning source, and the one the company selected. */
  provisioning?: { connection: ConnectionSource; company: ConnectionSource };
  /** Set when the operator suspended the company: every request of it is refused. */
  suspended?: true;
}

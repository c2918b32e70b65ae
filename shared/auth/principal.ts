import type { TokenScope } from '../store/tokens.js';

/** Who is calling: resolved from the bearer token, never from the URL. */
export interface Principal {
  tenantId: string;
  connectionId: string;
  scope: TokenScope;
}

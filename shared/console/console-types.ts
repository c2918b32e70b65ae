import type { SessionRecord } from '../auth/console/sessions.js';

/** What a console route sees: parsed cookies and form, the session when there is one. */
export interface ConsoleRequest {
  routeKey: string;
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  pathParameters: Record<string, string>;
  /** Query parameters of a GET, form fields of a POST; each name at most once. */
  params: Record<string, string>;
  cookies: Record<string, string>;
  /** The live session of the session cookie, if any. */
  session?: SessionRecord;
  /** The session cookie's value, to end or replace it. */
  sessionId?: string;
  baseUrl: string;
  requestId: string;
}

export interface ConsoleResult {
  status: number;
  headers: Record<string, string>;
  cookies: string[];
  body: string;
}

export type ConsoleRoute = (request: ConsoleRequest) => Promise<ConsoleResult>;

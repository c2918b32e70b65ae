/**
 * The one route table. The CDK stack (infra/) creates an API Gateway route and a Lambda function
 * from it, and the local adapter (infra/local/) dispatches requests with it; nothing else lists routes.
 */
import { ADMIN_PREFIX, CONSOLE_PREFIX, OAUTH_PREFIX, SCIM_PREFIX } from './api-prefixes.js';

export type AuthKind = 'scim' | 'admin' | 'session' | 'none';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A Lambda function: its folder under functions/ holds `handler.ts` exporting `handler`. */
export interface FunctionDefinition {
  /** Folder name under functions/, also the logical name in the stack. */
  name: string;
  description: string;
  /** Which kind of trigger invokes it. */
  trigger: 'http' | 'stream' | 'schedule';
  /** How often a 'schedule' function runs (every minute unless said). */
  every?: 'minute' | 'day';
  /** Table access the function needs (least privilege in the stack). */
  tableAccess: 'read' | 'readWrite' | 'none';
  sendsMail?: boolean;
  /** Item families the function never reads or writes: its role is denied them (infra/table-access.ts). */
  deniedItems?: readonly ItemFamily[];
  /**
   * Query on the keys-only tenant index: listing a company's admin tokens. Only the companies'
   * partitions of it (never the list of every company); no other function is granted the index.
   */
  readsTenantIndex?: boolean;
}

/** Families of table items an IAM condition on the partition key can tell apart (shared/store/table.ts). */
export type ItemFamily = 'teamMembers' | 'groups' | 'oauthGrants' | 'consoleSignIns' | 'notifications';

export interface RouteDefinition {
  method: HttpMethod;
  /** API Gateway path template, e.g. /scim/v2/Users/{id}. */
  path: string;
  function: string;
  auth: AuthKind;
}

export { ADMIN_PREFIX, CONSOLE_PREFIX, OAUTH_PREFIX, SCIM_PREFIX };

export const functionDefinitions = [
  { name: 'scim-users', description: 'SCIM 2.0 Users, and the root search over Users and Groups', trigger: 'http', tableAccess: 'readWrite' },
  { name: 'scim-groups', description: 'SCIM 2.0 Groups', trigger: 'http', tableAccess: 'readWrite' },
  // Discovery reads only what authenticating a bearer token needs (the token and its connection).
  { name: 'scim-discovery', description: 'SCIM 2.0 discovery endpoints', trigger: 'http', tableAccess: 'read', deniedItems: ['teamMembers', 'groups', 'oauthGrants', 'consoleSignIns', 'notifications'] },
  { name: 'admin', description: 'Admin API: company settings, seats, workspaces, assignments, team members, connections, admin tokens', trigger: 'http', tableAccess: 'readWrite', readsTenantIndex: true },
  { name: 'oauth', description: 'OAuth 2.0 authorization server for Okta (authorize, token, revoke)', trigger: 'http', tableAccess: 'readWrite', deniedItems: ['teamMembers', 'groups', 'consoleSignIns', 'notifications'] },
  { name: 'console', description: 'Console: sign-in, My team and the tech admin\'s provisioning pages', trigger: 'http', tableAccess: 'readWrite', sendsMail: true, readsTenantIndex: true },
  { name: 'not-found', description: "API Gateway's $default route: the 404 of the API a path belongs to", trigger: 'http', tableAccess: 'none' },
  { name: 'team-member-changes', description: 'Team member changes from the stream: effective settings, late manager links, member names on group memberships, queued manager notifications, inactivity clocks', trigger: 'stream', tableAccess: 'readWrite' },
  { name: 'release-notifications', description: 'Emails each manager the digest of new reports that is due', trigger: 'schedule', tableAccess: 'readWrite', sendsMail: true },
  // Erasing hides the member (out of its groups) and redacts its history: members and groups only.
  {
    name: 'erase-inactive-members',
    description: "Erases team members deactivated or deleted longer than their company's retention",
    trigger: 'schedule',
    every: 'day',
    tableAccess: 'readWrite',
    deniedItems: ['oauthGrants', 'consoleSignIns', 'notifications'],
  },
] as const satisfies readonly FunctionDefinition[];

export type FunctionName = (typeof functionDefinitions)[number]['name'];

/** One route, its literal types kept so that route keys can be derived from the table. */
interface Route<Method extends HttpMethod, Path extends string, Fn extends FunctionName, Auth extends AuthKind> extends RouteDefinition {
  method: Method;
  path: Path;
  function: Fn;
  auth: Auth;
}

const routeOf =
  <Prefix extends string, Auth extends AuthKind>(prefix: Prefix, auth: Auth) =>
  <Method extends HttpMethod, Resource extends string, Fn extends FunctionName>(
    method: Method,
    resource: Resource,
    fn: Fn,
  ): Route<Method, `${Prefix}/${Resource}`, Fn, Auth> => ({ method, path: `${prefix}/${resource}`, function: fn, auth });

const scim = routeOf(SCIM_PREFIX, 'scim');
const admin = routeOf(ADMIN_PREFIX, 'admin');
// The OAuth endpoints take no bearer token: the client authenticates itself, the admin on the page.
const oauth = routeOf(OAUTH_PREFIX, 'none');
// Console pages authenticate with the session cookie; sign-in pages work without one.
const page = <const Method extends HttpMethod, const Resource extends string>(method: Method, resource: Resource) => ({
  method,
  path: (resource ? `${CONSOLE_PREFIX}/${resource}` : CONSOLE_PREFIX) as Resource extends '' ? typeof CONSOLE_PREFIX : `${typeof CONSOLE_PREFIX}/${Resource}`,
  function: 'console' as const,
  auth: 'session' as const,
});

export const routes = [
  scim('GET', 'Users', 'scim-users'),
  scim('POST', 'Users', 'scim-users'),
  scim('POST', 'Users/.search', 'scim-users'),
  scim('GET', 'Users/{id}', 'scim-users'),
  scim('PUT', 'Users/{id}', 'scim-users'),
  scim('PATCH', 'Users/{id}', 'scim-users'),
  scim('DELETE', 'Users/{id}', 'scim-users'),
  scim('GET', 'Groups', 'scim-groups'),
  scim('POST', 'Groups', 'scim-groups'),
  scim('POST', 'Groups/.search', 'scim-groups'),
  scim('GET', 'Groups/{id}', 'scim-groups'),
  scim('PUT', 'Groups/{id}', 'scim-groups'),
  scim('PATCH', 'Groups/{id}', 'scim-groups'),
  scim('DELETE', 'Groups/{id}', 'scim-groups'),
  scim('GET', 'ServiceProviderConfig', 'scim-discovery'),
  scim('GET', 'Schemas', 'scim-discovery'),
  scim('GET', 'Schemas/{id}', 'scim-discovery'),
  scim('GET', 'ResourceTypes', 'scim-discovery'),
  scim('GET', 'ResourceTypes/{id}', 'scim-discovery'),
  // The root search pages Users and Groups and leaves paging checkpoints: it needs the table, as scim-users does.
  scim('POST', '.search', 'scim-users'),
  admin('GET', 'settings', 'admin'),
  admin('PUT', 'settings', 'admin'),
  admin('POST', 'domains/{id}/verify', 'admin'),
  admin('GET', 'seats', 'admin'),
  admin('POST', 'seats', 'admin'),
  admin('PUT', 'seats/{id}', 'admin'),
  admin('GET', 'workspaces', 'admin'),
  admin('POST', 'workspaces', 'admin'),
  admin('PUT', 'workspaces/{id}', 'admin'),
  admin('GET', 'assignments', 'admin'),
  admin('POST', 'assignments', 'admin'),
  admin('GET', 'assignments/{id}', 'admin'),
  admin('PUT', 'assignments/{id}', 'admin'),
  admin('DELETE', 'assignments/{id}', 'admin'),
  admin('GET', 'team-members', 'admin'),
  admin('GET', 'team-members/{id}', 'admin'),
  admin('GET', 'team-members/{id}/history', 'admin'),
  admin('PATCH', 'team-members/{id}', 'admin'),
  admin('PUT', 'team-members/{id}/data-capture', 'admin'),
  admin('POST', 'team-members/{id}/erase', 'admin'),
  admin('GET', 'import-errors', 'admin'),
  admin('GET', 'connections', 'admin'),
  admin('POST', 'connections', 'admin'),
  admin('DELETE', 'connections/{id}', 'admin'),
  admin('POST', 'connections/{id}/tokens', 'admin'),
  admin('GET', 'admin-tokens', 'admin'),
  admin('POST', 'admin-tokens', 'admin'),
  admin('POST', 'admin-tokens/{id}/rotate', 'admin'),
  admin('DELETE', 'admin-tokens/{id}', 'admin'),
  oauth('GET', 'authorize', 'oauth'),
  oauth('POST', 'authorize', 'oauth'),
  oauth('POST', 'token', 'oauth'),
  oauth('POST', 'revoke', 'oauth'),
  page('GET', ''),
  page('GET', 'sign-in'),
  page('POST', 'sign-in/email'),
  page('GET', 'sign-in/link'),
  page('POST', 'sign-in/link'),
  page('POST', 'sign-in/admin-token'),
  page('GET', 'sign-in/oidc'),
  page('GET', 'sign-in/oidc/callback'),
  page('POST', 'sign-out'),
  page('GET', 'team'),
  page('GET', 'connect-okta'),
  page('POST', 'team/{id}/data-capture'),
  page('GET', 'admin/settings'),
  page('POST', 'admin/settings'),
  page('POST', 'admin/settings/verify-domain'),
  page('GET', 'admin/assignments'),
  page('GET', 'admin/assignments/{id}'),
  page('POST', 'admin/assignments/{id}'),
  page('POST', 'admin/assignments/{id}/move'),
  page('GET', 'admin/assignments/{id}/delete'),
  page('POST', 'admin/assignments/{id}/delete'),
  page('GET', 'admin/seats'),
  page('GET', 'admin/team-members'),
  page('GET', 'admin/team-members/{id}'),
  page('POST', 'admin/team-members/{id}/profile'),
  page('GET', 'admin/team-members/{id}/erase'),
  page('POST', 'admin/team-members/{id}/erase'),
  page('GET', 'admin/import-errors'),
  page('GET', 'admin/connections'),
  page('POST', 'admin/connections'),
  page('GET', 'admin/connections/{id}/delete'),
  page('POST', 'admin/connections/{id}/delete'),
  page('POST', 'admin/connections/{id}/tokens'),
  page('GET', 'admin/admin-tokens'),
  page('POST', 'admin/admin-tokens'),
  page('POST', 'admin/admin-tokens/{id}/rotate'),
  page('GET', 'admin/admin-tokens/{id}/revoke'),
  page('POST', 'admin/admin-tokens/{id}/revoke'),
] as const satisfies readonly RouteDefinition[];

/** The function of API Gateway's `$default` route: every request no route of the table matches. */
export const UNKNOWN_ROUTE_FUNCTION = 'not-found' satisfies FunctionName;

type TableRoute = (typeof routes)[number];
type KeyOf<R> = R extends { method: infer Method extends string; path: infer Path extends string } ? `${Method} ${Path}` : never;
type RoutesOf<F extends FunctionName> = Extract<TableRoute, { function: F }>;

/** A function that serves routes of the route table. */
export type HttpFunctionName = TableRoute['function'];
/** The API Gateway route keys a function serves, e.g. 'GET /scim/v2/Users' | 'POST /scim/v2/Users' | … */
export type RouteKeyOf<F extends HttpFunctionName> = KeyOf<RoutesOf<F>>;
/** How the callers of a function authenticate (each function's routes share one kind). */
export type AuthOf<F extends HttpFunctionName> = RoutesOf<F>['auth'];

/** API Gateway's route key of a route: its method and path template. */
export const routeKeyOf = <R extends RouteDefinition>(route: R) => `${route.method} ${route.path}` as KeyOf<R>;

/** The kind of authentication of a function's routes. */
export function authOf<F extends HttpFunctionName>(fn: F): AuthOf<F> {
  const kinds = new Set(routes.filter((route) => route.function === fn).map((route) => route.auth));
  const [kind] = kinds;
  if (kinds.size !== 1 || !kind) throw new Error(`Function ${fn} must serve routes of exactly one auth kind`);
  return kind as AuthOf<F>;
}

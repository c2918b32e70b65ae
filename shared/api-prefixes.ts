/**
 * Where each API starts. Apart from the route table (shared/routes.ts) so that code needing only
 * a prefix does not bundle and build the whole table at a function's init.
 */
export const SCIM_PREFIX = '/scim/v2';
export const ADMIN_PREFIX = '/admin/v1';
export const OAUTH_PREFIX = '/oauth';
export const CONSOLE_PREFIX = '/console';

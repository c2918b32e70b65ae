import type { Principal } from '../auth/principal.js';

/** The console's admin acting on the domain: the changes are the tech admin's (actor `admin`). */
export const consolePrincipal = (tenantId: string): Principal => ({ tenantId, connectionId: 'console', scope: 'admin' });

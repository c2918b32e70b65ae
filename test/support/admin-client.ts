import { scimClient } from './scim-client.js';

/** The admin API over HTTP: same call shape as the SCIM client, JSON content type. */
export function adminClient(baseUrl: string, token: string) {
  const client = scimClient(baseUrl, token);
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  return {
    get: (path: string) => client.get(path, { accept: 'application/json' }),
    post: (path: string, body: unknown) => client.post(path, body, json),
    put: (path: string, body: unknown) => client.put(path, body, json),
    patch: (path: string, body: unknown) => client.patch(path, body, json),
    delete: (path: string) => client.delete(path, { accept: 'application/json' }),
  };
}
export type AdminClient = ReturnType<typeof adminClient>;

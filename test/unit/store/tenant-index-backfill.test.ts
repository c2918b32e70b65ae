import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Entity } from '../../../shared/store/entity.js';
import { TENANT_INDEXED } from '../../../shared/store/tenant-index-backfill.js';

const ENTITIES_DIR = resolve(import.meta.dirname, '../../../shared/store/entities');

describe('the tenant-index backfill', () => {
  it('knows every entity that populates the tenant index, and only those', async () => {
    const declared: string[] = [];
    for (const file of readdirSync(ENTITIES_DIR).filter((name) => name.endsWith('.ts'))) {
      const module = (await import(`${ENTITIES_DIR}/${file}`)) as Record<string, unknown>;
      for (const value of Object.values(module)) if (value instanceof Entity && value.populates('tenant')) declared.push(value.type);
    }
    expect(declared.length).toBeGreaterThan(5);
    expect(TENANT_INDEXED.map((entity) => entity.type).sort()).toEqual(declared.sort());
  });

  it('builds an item’s tenant-index keys from its key and attributes, as writing it would', async () => {
    const { teamMember } = await import('../../../shared/store/entities/team-member.js');
    const { token } = await import('../../../shared/store/entities/token.js');
    expect(teamMember.indexKeyOf('tenant', { ...teamMember.key({ tenantId: 'acme', id: 'u1' }), type: 'TeamMember' })).toEqual({ gsi5pk: 'T#acme#ALL', gsi5sk: 'U#u1' });
    expect(token.indexKeyOf('tenant', { ...token.key({ tokenHash: 'abc' }), tenantId: 'acme', scope: 'admin' })).toEqual({ gsi5pk: 'T#acme#ALL', gsi5sk: 'TOKEN#admin#abc' });
    // A token item without its tenant cannot be placed: left alone.
    expect(token.indexKeyOf('tenant', token.key({ tokenHash: 'abc' }))).toBeUndefined();
  });
});

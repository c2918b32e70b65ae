import { describe, expect, it } from 'vitest';
import { KeyTemplate } from '../../../shared/store/key-template.js';

describe('KeyTemplate', () => {
  const template = new KeyTemplate('T#{tenantId}#UN#{userName}', new Set(['userName']));

  it('builds a key from its facets, case-folding the folded ones', () => {
    expect(template.build({ tenantId: 'Acme', userName: 'ÄDA@Example.com' })).toBe('T#Acme#UN#äda@example.com');
  });

  it('refuses to build without a facet', () => {
    expect(() => template.build({ tenantId: 'acme' })).toThrow('needs userName');
  });

  it('cuts the key short at the first facet without a value, for begins_with', () => {
    expect(new KeyTemplate('{kind}#{shard}').prefix({ kind: 'users' })).toBe('users#');
    expect(new KeyTemplate('M#{userId}').prefix({})).toBe('M#');
    expect(new KeyTemplate('SETTINGS').prefix({})).toBe('SETTINGS');
  });

  it('reads the facets back, the first facet taking the longest match', () => {
    expect(new KeyTemplate('T#{tenantId}#U#{id}').parse('T#a#U#b#U#c')).toEqual({ tenantId: 'a#U#b', id: 'c' });
    expect(new KeyTemplate('U#{userId}').parse('U#01H')).toEqual({ userId: '01H' });
    expect(new KeyTemplate('M#{userId}').parse('#USER')).toBeUndefined();
  });

  it('tells whether every facet has a value', () => {
    expect(template.canBuild({ tenantId: 'a', userName: 'b' })).toBe(true);
    expect(template.canBuild({ tenantId: 'a', userName: '' })).toBe(false);
    expect(template.canBuild({ tenantId: 'a' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { safeNext } from '../../../shared/console/form-token.js';

describe('safeNext', () => {
  it('keeps a console path, with Okta’s whole authorization request in its query', () => {
    const connect = `/console/connect-okta?${new URLSearchParams({ response_type: 'code', redirect_uri: 'https://acme.okta.com/admin/app/cpc/roster/oauth/callback', state: 'a b~c' })}`;
    expect(safeNext(connect)).toBe(connect);
    expect(safeNext('/console/admin/settings')).toBe('/console/admin/settings');
  });

  it('falls back to My team for another site, another path of this site, or a path too long to carry', () => {
    for (const next of ['https://evil.example/console', '//evil.example/console', '/oauth/authorize', '/console\\@evil', `/console/${'a'.repeat(5_000)}`, undefined]) {
      expect(safeNext(next)).toBe('/console/team');
    }
  });
});

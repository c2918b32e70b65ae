import { describe, expect, it } from 'vitest';
import { daemonUdpAddress } from '../../shared/tracing.js';

describe('the X-Ray daemon address', () => {
  it.each([
    ['169.254.79.129:2000', { host: '169.254.79.129', port: 2000 }],
    ['tcp:127.0.0.1:2000 udp:127.0.0.2:2001', { host: '127.0.0.2', port: 2001 }],
    ['udp:127.0.0.2:2001 tcp:127.0.0.1:2000', { host: '127.0.0.2', port: 2001 }],
  ])('is the UDP one of %s (the forms Lambda and the X-Ray SDKs use)', (value, address) => {
    expect(daemonUdpAddress(value)).toEqual(address);
  });

  it.each([[undefined], [''], ['tcp:127.0.0.1:2000'], ['localhost']])('is none in %s: tracing is off', (value) => {
    expect(daemonUdpAddress(value)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { clientIp, ipKey, UNKNOWN_CLIENT } from '@/lib/security/client-ip';

const HEADER = 'x-forwarded-for';

describe('clientIp', () => {
  it('takes the entry the trusted proxy appended (the last), never one the client wrote', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw.
    const headers = new Headers({ [HEADER]: '6.6.6.6, 203.0.113.7' });
    expect(clientIp(headers, HEADER)).toBe('203.0.113.7');
    expect(clientIp({ [HEADER]: '1.1.1.1,2.2.2.2 , 198.51.100.4' }, HEADER)).toBe('198.51.100.4');
    expect(clientIp({ [HEADER]: ['1.1.1.1', '198.51.100.5'] }, HEADER)).toBe('198.51.100.5');
    expect(clientIp({ 'x-real-ip': '192.0.2.1' }, 'X-Real-IP')).toBe('192.0.2.1');
  });

  it('puts every client whose address is unknown in one shared bucket instead of switching limits off', () => {
    expect(clientIp(new Headers({ [HEADER]: '203.0.113.7' }), undefined)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(new Headers(), HEADER)).toBe(UNKNOWN_CLIENT);
    expect(clientIp({}, HEADER)).toBe(UNKNOWN_CLIENT);
    for (const junk of ['', 'garbage', '203.0.113.7, not-an-ip', '999.1.1.1', '203.0.113.7,', 'unknown']) {
      expect(clientIp({ [HEADER]: junk }, HEADER)).toBe(UNKNOWN_CLIENT);
    }
    // A client cannot pick the bucket of another address by writing a list the proxy did not end.
    expect(clientIp({ [HEADER]: '203.0.113.7, ' }, HEADER)).toBe(UNKNOWN_CLIENT);
  });

  it('keys IPv6 clients by their /64, IPv4-mapped addresses by their IPv4 form, and drops ports', () => {
    expect(ipKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(ipKey('2001:DB8:1:2:ffff::1')).toBe('2001:db8:1:2::/64');
    expect(ipKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipKey('[2001:db8:1:2::9]:443')).toBe('2001:db8:1:2::/64');
    expect(ipKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(ipKey('203.0.113.9:51234')).toBe('203.0.113.9');
    expect(ipKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(ipKey('not an address')).toBeNull();
    expect(clientIp({ [HEADER]: '2001:db8:1:2::1' }, HEADER)).toBe(clientIp({ [HEADER]: '2001:db8:1:2::2' }, HEADER));
  });
});

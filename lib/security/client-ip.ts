import { isIP } from 'node:net';
import { env } from '@/lib/env';

/**
 * The key every client whose address is unknown shares: no trusted header configured, or a header
 * that is missing or unparsable. Per-IP limits then apply to all of them together (with a larger
 * budget, see lib/security/rate-limit.ts) instead of switching off.
 */
export const UNKNOWN_CLIENT = 'unknown';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function headerValues(headers: HeaderSource, name: string): string[] {
  if (headers instanceof Headers) {
    const value = headers.get(name);
    return value === null ? [] : [value];
  }
  const value = headers[name] ?? headers[Object.keys(headers).find((key) => key.toLowerCase() === name) ?? ''];
  return [value ?? []].flat();
}

/**
 * An address as a rate-limit key: IPv4 as it is (an IPv4-mapped IPv6 address becomes its IPv4 form),
 * IPv6 reduced to its /64 network, because one subscriber usually holds a whole /64 and could
 * otherwise take a fresh address for every request.
 */
export function ipKey(address: string): string | null {
  let candidate = address.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234" (some proxies add the port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(candidate);
  if (bracketed) candidate = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(candidate)) candidate = candidate.slice(0, candidate.lastIndexOf(':'));
  const version = isIP(candidate);
  if (version === 4) return candidate;
  if (version !== 6) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(candidate);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  return `${expandIpv6(candidate).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros, lower case. */
function expandIpv6(address: string): string[] {
  const withoutZone = address.split('%')[0]!.toLowerCase();
  let text = withoutZone;
  // A trailing dotted IPv4 part (::1.2.3.4) counts as two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((group) => parseInt(group, 16).toString(16));
}

/**
 * The client's address as a rate-limit key, read only from the header named by TRUSTED_IP_HEADER
 * (set by the reverse proxy or platform in front of the app). When that header holds a list
 * (`X-Forwarded-For: client, proxy1, …`), the last entry is taken: it is the one the trusted proxy
 * appended itself, whereas every earlier entry came from the client and can be made up. A missing
 * setting, a missing header or an unparsable value gives UNKNOWN_CLIENT, never null, so per-IP
 * limits never switch off; a client's own X-Forwarded-For is never believed.
 */
export function clientIp(headers: HeaderSource, headerName: string | undefined = env.TRUSTED_IP_HEADER): string {
  if (!headerName) return UNKNOWN_CLIENT;
  const entries = headerValues(headers, headerName.toLowerCase()).flatMap((value) => value.split(','));
  const last = entries.at(-1);
  return (last !== undefined && ipKey(last)) || UNKNOWN_CLIENT;
}

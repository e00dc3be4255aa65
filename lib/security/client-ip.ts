import { isIP } from 'node:net';
import { env } from '@/lib/env';

/**
 * The client's IP address, read only from the header named by TRUSTED_IP_HEADER (set by the reverse
 * proxy or platform in front of the app, which overwrites whatever the client sent). Without that
 * setting the address is unknown (null): an X-Forwarded-For sent by a client is never believed.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const name = env.TRUSTED_IP_HEADER;
  if (!name) return null;
  const raw = headers instanceof Headers ? headers.get(name) : [headers[name]].flat()[0];
  // Some platforms send a list; the first entry is the one the platform itself added.
  const candidate = raw?.split(',')[0]?.trim() ?? '';
  return isIP(candidate) ? candidate : null;
}

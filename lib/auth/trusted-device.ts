import 'server-only';
import { randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import { SECURE_COOKIES } from './cookies';
import { readSignedValue, signValue } from './signed-values';

/**
 * "Trusted device" marks: a browser that proved it knows an account's password (a successful
 * sign-in), or owns its mailbox (a password reset, a verified registration), keeps a signed mark
 * for that account. Sign-in attempts that carry it are throttled only by their own counter, not by
 * the account's: an attacker who fails again and again against an account slows down everyone
 * *else* guessing at it, but never keeps its owner out of the browsers they already use.
 * (OWASP, "Slow down online guessing attacks with device cookies".)
 *
 * The cookie holds up to five marks (accounts shared on one browser), each `{userId}-{device}.mac`.
 */
export const DEVICE_COOKIE = 'encore_device';
const MAX_MARKS = 5;
const MAX_AGE = 180 * 24 * 60 * 60;
const PURPOSE = 'trusted device';

export type DeviceMark = { userId: number; deviceId: string };

function parseMarks(cookie: string | null | undefined): DeviceMark[] {
  if (!cookie || cookie.length > 1000) return [];
  return cookie
    .split('~')
    .slice(0, MAX_MARKS)
    .flatMap((entry) => {
      const value = readSignedValue(PURPOSE, entry);
      const match = value ? /^(\d{1,10})-([A-Za-z0-9_-]{16,32})$/.exec(value) : null;
      return match ? [{ userId: Number(match[1]), deviceId: match[2]! }] : [];
    });
}

/** The value of one cookie in a raw Cookie header. */
export function cookieFromHeader(header: string | string[] | undefined, name: string): string | undefined {
  for (const part of [header ?? []].flat().join('; ').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** This browser's mark for the account, if it holds a valid one (`cookie`: the raw cookie value). */
export function trustedDeviceFor(cookie: string | undefined, userId: number): DeviceMark | null {
  return parseMarks(cookie).find((mark) => mark.userId === userId) ?? null;
}

/**
 * Marks the browser of the current request as trusted for this account (keeps an existing mark, so
 * its counter stays the same). Call only after the browser has proved itself.
 */
export async function trustThisDevice(userId: number): Promise<void> {
  const store = await cookies();
  const marks = parseMarks(store.get(DEVICE_COOKIE)?.value);
  const existing = marks.find((mark) => mark.userId === userId);
  const mark = existing ?? { userId, deviceId: randomBytes(16).toString('base64url') };
  const others = marks.filter((m) => m.userId !== userId).slice(0, MAX_MARKS - 1);
  const value = [mark, ...others].map((m) => signValue(PURPOSE, `${m.userId}-${m.deviceId}`)).join('~');
  store.set(DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: SECURE_COOKIES,
    path: '/',
    maxAge: MAX_AGE,
  });
}

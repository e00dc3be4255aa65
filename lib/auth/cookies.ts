import { env } from '@/lib/env';

/** Session cookies are Secure whenever the store is served over HTTPS (always, in production). */
export const SECURE_COOKIES = env.SITE_URL.startsWith('https://');
export const SESSION_COOKIE = `${SECURE_COOKIES ? '__Secure-' : ''}encore.session-token`;
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

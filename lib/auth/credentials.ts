import 'server-only';
import { normalizeKey } from '@/lib/security/normalize-key';
import { verifyPassword } from '@/lib/accounts/passwords';
import { findSignInAccount } from '@/lib/accounts/queries';
import { completeRegistration, SIGNUP_COOKIE } from '@/lib/accounts/registration';
import { clientIp } from '@/lib/security/client-ip';
import { beginAttempt, forgiveAttempt, type ThrottleKey, throttleKeys } from '@/lib/security/sign-in-throttle';
import { cookieFromHeader, DEVICE_COOKIE, trustedDeviceFor } from './trusted-device';

/** Errors the sign-in and verification pages can show. Unknown account, wrong password and disabled account look the same. */
export const SIGN_IN_ERRORS = {
  invalid: 'CredentialsSignin',
  throttled: 'TooManyAttempts',
  registrationInvalid: 'RegistrationInvalid',
  registrationEmailTaken: 'RegistrationEmailTaken',
  registrationUsernameTaken: 'RegistrationUsernameTaken',
} as const;

export type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * Checks an email-or-username and password (next-auth's credentials provider).
 *
 * Failures are counted per resolved account (an email and a username of one account share one
 * counter; an identifier of no account has its own, so it behaves like one) and per client address,
 * with a growing delay rather than a lock (lib/security/sign-in-throttle.ts); successes do not count.
 * A browser holding this account's trusted-device mark is throttled by its own counter only, so
 * failures made by others never keep the owner out of a browser they have signed in with before.
 * While a counter waits, the attempt is refused (TooManyAttempts) without checking the password.
 * An unknown account verifies a dummy hash, so it takes as long as a wrong password.
 */
export async function authorizeCredentials(
  credentials: { login?: unknown; password?: unknown } | undefined,
  headers: RequestHeaders,
): Promise<{ id: string } | null> {
  const login = typeof credentials?.login === 'string' ? credentials.login.slice(0, 320) : '';
  const password = typeof credentials?.password === 'string' ? credentials.password : '';
  const account = login ? await findSignInAccount(login) : null;
  const device = account ? trustedDeviceFor(cookieFromHeader(headers.cookie, DEVICE_COOKIE), account.id) : null;
  const keys: ThrottleKey[] =
    account && device
      ? [throttleKeys.device(account.id, device.deviceId)]
      : [
          account ? throttleKeys.account(account.id) : throttleKeys.unknownLogin(normalizeKey(login)),
          throttleKeys.ip(clientIp(headers)),
        ];
  const attempt = await beginAttempt(keys);
  if (!attempt.allowed) throw new Error(SIGN_IN_ERRORS.throttled);
  const valid = await verifyPassword(account?.passwordHash, password.slice(0, 4096));
  if (!account || !valid || account.disabled) return null;
  await forgiveAttempt(keys);
  return { id: String(account.id) };
}

/**
 * Follows a registration link (the "registration" credentials provider, from /verify-email): creates
 * the account and signs it in. The registering browser is recognised by its SIGNUP_COOKIE; any other
 * must send the registration's password (a wrong one answers like a wrong password).
 */
export async function authorizeRegistration(
  credentials: { token?: unknown; password?: unknown } | undefined,
  headers: RequestHeaders,
): Promise<{ id: string } | null> {
  const result = await completeRegistration({
    token: typeof credentials?.token === 'string' ? credentials.token : '',
    password: typeof credentials?.password === 'string' ? credentials.password : '',
    browserSecret: cookieFromHeader(headers.cookie, SIGNUP_COOKIE),
  });
  if (result.ok) return { id: String(result.userId) };
  switch (result.error) {
    case 'wrongPassword':
      return null;
    case 'throttled':
      throw new Error(SIGN_IN_ERRORS.throttled);
    case 'emailTaken':
      throw new Error(SIGN_IN_ERRORS.registrationEmailTaken);
    case 'usernameTaken':
      throw new Error(SIGN_IN_ERRORS.registrationUsernameTaken);
    default:
      throw new Error(SIGN_IN_ERRORS.registrationInvalid);
  }
}

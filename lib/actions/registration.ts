'use server';

import { formAction, INVALID_INPUT } from '@/lib/http/action';
import { randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { after } from 'next/server';
import { z } from 'zod';
import { safeString } from '@/lib/validation/text';
import { SECURE_COOKIES } from '@/lib/auth/cookies';
import { trustThisDevice } from '@/lib/auth/trusted-device';
import { requestLocale } from '@/lib/i18n/server';
import { clientIp } from '@/lib/security/client-ip';
import { consumeRateLimits, LIMITS } from '@/lib/security/rate-limit';
import { normalizeKey } from '@/lib/security/normalize-key';
import { type FieldErrors } from '@/lib/accounts/mutations';
import { requestPasswordReset, resetPassword } from '@/lib/accounts/password-reset';
import type { PasswordFeedback } from '@/lib/accounts/password-strength';
import { REGISTRATION_HOURS, requestRegistration, SIGNUP_COOKIE } from '@/lib/accounts/registration';
import { emailSchema } from '@/lib/accounts/validation';

export type FormState = {
  ok: boolean;
  fieldErrors?: FieldErrors;
  /** zxcvbn's hints (message keys of auth.passwordFeedback) when a new password is too weak. */
  passwordFeedback?: PasswordFeedback;
  message?: string;
  /** Registration: the address the link went to, for "check your email" (also without JavaScript). */
  email?: string;
} | null;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

/**
 * Registration from /register: always "check your email" when the form is valid, whether or not the
 * address has an account (lib/accounts/registration.ts). Rate-limited per client address and per
 * email address. This browser keeps a secret cookie, so that the link signs it in without asking for
 * the password again.
 */
export const registerAction = formAction(
  'register',
  async (formData: FormData): Promise<FormState> => {
    const browserSecret = randomBytes(32).toString('base64url');
    const result = await requestRegistration(
      {
        username: text(formData, 'username'),
        email: text(formData, 'email'),
        password: text(formData, 'password'),
        displayName: text(formData, 'displayName'),
      },
      {
        ip: clientIp(await headers()),
        locale: await requestLocale(),
        browserSecret,
        next: text(formData, 'next'),
      },
    );
    if (!result.ok) {
      return { ok: false, fieldErrors: result.fieldErrors, passwordFeedback: result.passwordFeedback };
    }
    (await cookies()).set(SIGNUP_COOKIE, browserSecret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: SECURE_COOKIES,
      path: '/',
      maxAge: REGISTRATION_HOURS * 60 * 60,
    });
    return { ok: true, message: 'checkEmail', email: text(formData, 'email').trim() };
  },
  INVALID_INPUT,
);

/**
 * "Forgot password": always the same answer, whether or not an account exists. Rate-limited per
 * client IP and per email address.
 */
export const forgotPasswordAction = formAction(
  'forgotPassword',
  async (formData: FormData): Promise<FormState> => {
    const email = emailSchema.safeParse(text(formData, 'email'));
    if (!email.success) return { ok: false, fieldErrors: { email: 'emailInvalid' } };
    const { allowed } = await consumeRateLimits([
      LIMITS.resetAccount(normalizeKey(email.data)),
      LIMITS.resetIp(clientIp(await headers())),
    ]);
    const locale = await requestLocale();
    // The lookup and the mail happen after the response, so its timing says nothing about the account.
    if (allowed) after(() => requestPasswordReset(email.data, locale));
    return { ok: true, message: 'resetSent' };
  },
  INVALID_INPUT,
);

const resetSchema = z.object({ token: safeString().min(1).max(200), password: safeString(), confirm: safeString() });

/**
 * Sets a new password from a reset link; the form then sends the user to sign in. The browser that
 * followed the link owns the mailbox: it becomes a trusted device of the account, so sign-in
 * throttling caused by someone else never keeps it out.
 */
export const resetPasswordAction = formAction(
  'resetPassword',
  async (formData: FormData): Promise<FormState> => {
    const parsed = resetSchema.safeParse({
      token: text(formData, 'token'),
      password: text(formData, 'password'),
      confirm: text(formData, 'confirm'),
    });
    if (!parsed.success) return { ok: false, fieldErrors: { form: 'resetInvalid' } };
    if (parsed.data.password !== parsed.data.confirm)
      return { ok: false, fieldErrors: { confirm: 'passwordMismatch' } };
    const result = await resetPassword(parsed.data.token, parsed.data.password);
    if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, passwordFeedback: result.passwordFeedback };
    await trustThisDevice(result.userId);
    return { ok: true };
  },
  INVALID_INPUT,
);

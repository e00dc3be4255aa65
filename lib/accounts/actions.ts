'use server';

import { headers } from 'next/headers';
import { after } from 'next/server';
import { z } from 'zod';
import { requestLocale } from '@/lib/i18n/server';
import { clientIp } from '@/lib/security/client-ip';
import { consumeRateLimits, LIMITS } from '@/lib/security/rate-limit';
import { normalizeKey } from './normalize';
import { registerUser, requestPasswordReset, resetPassword, type FieldErrors } from './mutations';
import { emailSchema } from './validation';

export type FormState = { ok: boolean; fieldErrors?: FieldErrors; message?: string } | null;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

/** Registration from /register. Rate-limited per client IP. */
export async function registerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ip = clientIp(await headers());
  if (ip && !(await consumeRateLimits([LIMITS.registerIp(ip)])).allowed) {
    return { ok: false, fieldErrors: { form: 'throttled' } };
  }
  const result = await registerUser(
    {
      username: text(formData, 'username'),
      email: text(formData, 'email'),
      password: text(formData, 'password'),
      displayName: text(formData, 'displayName'),
    },
    await requestLocale(),
  );
  return result.ok ? { ok: true } : { ok: false, fieldErrors: result.fieldErrors };
}

/**
 * "Forgot password": always the same answer, whether or not an account exists. Rate-limited per
 * client IP and per email address.
 */
export async function forgotPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const email = emailSchema.safeParse(text(formData, 'email'));
  if (!email.success) return { ok: false, fieldErrors: { email: 'emailInvalid' } };
  const ip = clientIp(await headers());
  const { allowed } = await consumeRateLimits([
    LIMITS.resetAccount(normalizeKey(email.data)),
    ip ? LIMITS.resetIp(ip) : null,
  ]);
  const locale = await requestLocale();
  // The lookup and the mail happen after the response, so its timing says nothing about the account.
  if (allowed) after(() => requestPasswordReset(email.data, locale));
  return { ok: true, message: 'resetSent' };
}

const resetSchema = z.object({ token: z.string().min(1).max(200), password: z.string(), confirm: z.string() });

/** Sets a new password from a reset link; the form then sends the user to sign in. */
export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetSchema.safeParse({
    token: text(formData, 'token'),
    password: text(formData, 'password'),
    confirm: text(formData, 'confirm'),
  });
  if (!parsed.success) return { ok: false, fieldErrors: { form: 'resetInvalid' } };
  if (parsed.data.password !== parsed.data.confirm) return { ok: false, fieldErrors: { confirm: 'passwordMismatch' } };
  const result = await resetPassword(parsed.data.token, parsed.data.password);
  return result.ok ? { ok: true } : { ok: false, fieldErrors: result.fieldErrors };
}

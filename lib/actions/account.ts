'use server';

import { formAction, INVALID_INPUT } from '@/lib/http/action';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { SECURE_COOKIES, SESSION_COOKIE } from '@/lib/auth/cookies';
import { getCurrentSessionClaims, getCurrentUser, reissueSessionCookie } from '@/lib/auth/session';
import { setLocaleAction } from '@/lib/actions/locale';
import {
  changeEmail,
  changeEmailSchema,
  changeOwnPassword,
  changePasswordSchema,
  profileSchema,
  signOutEverywhere,
  updateProfile,
} from '@/lib/accounts/account';
import { deleteAccount, deleteAccountSchema } from '@/lib/privacy/delete-account';
import {
  accountAddressSchema,
  createAddress,
  deleteAddress,
  setDefaultAddress,
  updateAddress,
} from '@/lib/accounts/address-book';
import type { FormState } from '@/lib/actions/registration';
import { fieldErrors } from '@/lib/accounts/validation';

/*
 * Server actions of the account centre (/account). Each one: authenticates (getCurrentUser; the user id
 * never comes from the client), parses its form with zod, calls one function of ./account and
 * returns a small FormState whose error values are message keys (account.errors.*, auth.errors.*).
 * The function gets the form values as read, not the parsed ones: it validates them again itself (the
 * schemas transform, e.g. '' to null, so parsed output is not valid input).
 */

const UNAUTHENTICATED: FormState = { ok: false, fieldErrors: { form: 'unauthenticated' } };
const NOT_FOUND: FormState = { ok: false, fieldErrors: { form: 'notFound' } };

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

const invalid = (error: z.ZodError): FormState => ({ ok: false, fieldErrors: fieldErrors(error) });

const done = (result: { ok: true } | { ok: false; fieldErrors: Record<string, string> }, message: string): FormState =>
  result.ok ? { ok: true, message } : { ok: false, fieldErrors: result.fieldErrors };

/** Ends this browser's session cookie (its session has already been ended in the database). */
async function clearSessionCookie() {
  (await cookies()).delete({
    name: SESSION_COOKIE,
    path: '/',
    secure: SECURE_COOKIES,
    httpOnly: true,
    sameSite: 'lax',
  });
}

/** Display name and preferred language; the language also becomes the site's language (NEXT_LOCALE cookie). */
export const updateProfileAction = formAction(
  'updateProfile',
  async (formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHENTICATED;
    const input = { displayName: text(formData, 'displayName'), preferredLocale: text(formData, 'preferredLocale') };
    const parsed = profileSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const result = await updateProfile(user.id, input);
    if (result.ok) await setLocaleAction(result.preferredLocale);
    return done(result, 'profileSaved');
  },
  INVALID_INPUT,
);

/** New email address, confirmed with the current password; the old address is told. */
export const changeEmailAction = formAction(
  'changeEmail',
  async (formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHENTICATED;
    const input = { email: text(formData, 'email'), currentPassword: text(formData, 'currentPassword') };
    const parsed = changeEmailSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return done(await changeEmail(user.id, input), 'emailChanged');
  },
  INVALID_INPUT,
);

/**
 * New password (or a first one for an OAuth-only account). Every other session ends; this browser
 * gets a fresh token carrying the new session version, so it stays signed in.
 */
export const changePasswordAction = formAction(
  'changePassword',
  async (formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHENTICATED;
    const input = {
      currentPassword: text(formData, 'currentPassword'),
      newPassword: text(formData, 'newPassword'),
      confirm: text(formData, 'confirm'),
    };
    const parsed = changePasswordSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const claims = await getCurrentSessionClaims();
    if (!claims || claims.userId !== user.id) return UNAUTHENTICATED;
    const result = await changeOwnPassword(user.id, claims.sessionId, input);
    if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors, passwordFeedback: result.passwordFeedback };
    await reissueSessionCookie({ ...claims, sessionVersion: result.sessionVersion });
    return { ok: true, message: user.hasPassword ? 'passwordChanged' : 'passwordSet' };
  },
  INVALID_INPUT,
);

/** Ends every session of the account, this browser's included; the form then goes to /login. */
export const signOutEverywhereAction = formAction(
  'signOutEverywhere',
  async (_formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHENTICATED;
    const result = await signOutEverywhere(user.id);
    await clearSessionCookie();
    return done(result, 'signedOutEverywhere');
  },
  INVALID_INPUT,
);

const addressForm = (formData: FormData) => ({
  fullName: text(formData, 'fullName'),
  line1: text(formData, 'line1'),
  line2: text(formData, 'line2'),
  city: text(formData, 'city'),
  region: text(formData, 'region'),
  postalCode: text(formData, 'postalCode'),
  country: text(formData, 'country'),
  phone: text(formData, 'phone'),
  isDefault: formData.get('isDefault') === 'on',
});

const addressIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** Adds an address to the user's book. */
export const createAddressAction = formAction(
  'createAddress',
  async (formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHENTICATED;
    const input = addressForm(formData);
    const parsed = accountAddressSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return done(await createAddress(user.id, input), 'addressAdded');
  },
  INVALID_INPUT,
);

/** Edits one of the user's addresses (`id` in the form; someone else's id is "not found"). */
export const updateAddressAction = formAction(
  'updateAddress',
  async (formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHENTICATED;
    const id = addressIdSchema.safeParse(text(formData, 'id'));
    if (!id.success) return NOT_FOUND;
    const input = addressForm(formData);
    const parsed = accountAddressSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return done(await updateAddress(user.id, id.data, input), 'addressSaved');
  },
  INVALID_INPUT,
);

/** Deletes one of the user's addresses. */
export const deleteAddressAction = formAction(
  'deleteAddress',
  async (formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHENTICATED;
    const id = addressIdSchema.safeParse(text(formData, 'id'));
    if (!id.success) return NOT_FOUND;
    return done(await deleteAddress(user.id, id.data), 'addressDeleted');
  },
  INVALID_INPUT,
);

/** Makes one of the user's addresses the default. */
export const setDefaultAddressAction = formAction(
  'setDefaultAddress',
  async (formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHENTICATED;
    const id = addressIdSchema.safeParse(text(formData, 'id'));
    if (!id.success) return NOT_FOUND;
    return done(await setDefaultAddress(user.id, id.data), 'addressDefaultSet');
  },
  INVALID_INPUT,
);

/**
 * Deletes the account (confirmed with the password, or the username for OAuth-only accounts). Its
 * sessions are gone with it; the form then clears this browser's cookie through next-auth's sign-out
 * and shows the confirmation. The cookie is not touched here: changing a cookie in an action
 * re-renders the current page, which would send the just-deleted user to sign in instead.
 */
export const deleteAccountAction = formAction(
  'deleteAccount',
  async (formData: FormData): Promise<FormState> => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHENTICATED;
    const input = { confirmation: text(formData, 'confirmation') };
    const parsed = deleteAccountSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return done(await deleteAccount(user.id, input), 'accountDeleted');
  },
  INVALID_INPUT,
);

import { z } from 'zod';
import { safeString, text } from '@/lib/validation/text';

/**
 * Input rules for accounts. Messages are message keys (translated by the forms), so the same schemas
 * serve the English and Chinese UI and the JSON API.
 */

export const PASSWORD_MIN = 8;
/** Long passphrases are welcome; the cap only stops absurd inputs from tying up the hasher. */
export const PASSWORD_MAX = 1024;

/** zxcvbn's hints for a password that is too weak: message keys of `auth.passwordFeedback`. */
export type PasswordFeedback = { warning: string | null; suggestions: string[] };

export const passwordSchema = safeString().min(PASSWORD_MIN, 'passwordTooShort').max(PASSWORD_MAX, 'passwordTooLong');

export const usernameSchema = safeString()
  .trim()
  .normalize('NFKC')
  .min(3, 'usernameTooShort')
  .max(32, 'usernameTooLong')
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'usernameCharacters');

export const emailSchema = text(254, { tooLong: 'emailInvalid', message: 'emailInvalid' }).pipe(
  z.email('emailInvalid'),
);

export const displayNameSchema = text(80, { tooLong: 'displayNameTooLong' }).transform((value) => value || null);

export const registerSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema.optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const addressSchema = z.object({
  fullName: text(120).min(1, 'required'),
  line1: text(200).min(1, 'required'),
  line2: text(200)
    .transform((v) => v || null)
    .optional(),
  city: text(100).min(1, 'required'),
  region: text(100)
    .transform((v) => v || null)
    .optional(),
  postalCode: text(20).min(1, 'required'),
  country: safeString()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'countryInvalid'),
  phone: text(40)
    .regex(/^[0-9+()\-\s.]*$/, 'phoneInvalid')
    .transform((v) => v || null)
    .optional(),
  isDefault: z.boolean().optional(),
});
export type AddressInput = z.infer<typeof addressSchema>;

/**
 * Field errors as `{ field: messageKey }` (first error per field), named by the innermost field, so
 * the checkout's nested `address.line1` is shown beside the form's `line1` input.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path.findLast((key) => typeof key === 'string') ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}

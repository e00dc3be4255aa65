import { z } from 'zod';

/**
 * Input rules for accounts. Messages are message keys (translated by the forms), so the same schemas
 * serve the English and Chinese UI and the JSON API.
 */

export const PASSWORD_MIN = 8;
/** Long passphrases are welcome; the cap only stops absurd inputs from tying up the hasher. */
export const PASSWORD_MAX = 1024;

/** zxcvbn's hints for a password that is too weak: message keys of `auth.passwordFeedback`. */
export type PasswordFeedback = { warning: string | null; suggestions: string[] };

export const passwordSchema = z.string().min(PASSWORD_MIN, 'passwordTooShort').max(PASSWORD_MAX, 'passwordTooLong');

export const usernameSchema = z
  .string()
  .trim()
  .normalize('NFKC')
  .min(3, 'usernameTooShort')
  .max(32, 'usernameTooLong')
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'usernameCharacters');

export const emailSchema = z.string().trim().max(254, 'emailInvalid').pipe(z.email('emailInvalid'));

export const displayNameSchema = z
  .string()
  .trim()
  .max(80, 'displayNameTooLong')
  .transform((value) => value || null);

export const registerSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema.optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const addressSchema = z.object({
  fullName: z.string().trim().min(1, 'required').max(120, 'tooLong'),
  line1: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  line2: z
    .string()
    .trim()
    .max(200, 'tooLong')
    .transform((v) => v || null)
    .optional(),
  city: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  region: z
    .string()
    .trim()
    .max(100, 'tooLong')
    .transform((v) => v || null)
    .optional(),
  postalCode: z.string().trim().min(1, 'required').max(20, 'tooLong'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'countryInvalid'),
  phone: z
    .string()
    .trim()
    .max(40, 'tooLong')
    .regex(/^[0-9+()\-\s.]*$/, 'phoneInvalid')
    .transform((v) => v || null)
    .optional(),
  isDefault: z.boolean().optional(),
});
export type AddressInput = z.infer<typeof addressSchema>;

/** Field errors as `{ field: messageKey }` (first error per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}

import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { isCommonPassword } from './common-passwords';
import type { PasswordFeedback } from './validation';

/**
 * The one password rule of the store, for every place a password is set (registration, reset,
 * change, `npm run admin:create`): 8 to 1,024 characters (validation.ts), not one of the 10,000 most
 * common passwords (common-passwords.txt, also the breached-password list), not the username or
 * email, and strong enough for zxcvbn-ts (score ≥ 3 of 4: about 10⁸ guesses or more), which is
 * told the account's username, email and name so that passwords made of them score low.
 *
 * Feedback is returned as zxcvbn's message keys (`warning`, `suggestions`); the forms translate them
 * from `auth.passwordFeedback` in English and Chinese.
 */
export const MIN_SCORE = 3;

export type { PasswordFeedback };
export type PasswordProblem = {
  code: 'passwordCommon' | 'passwordLikeAccount' | 'passwordWeak';
  feedback?: PasswordFeedback;
};
export type PasswordContext = { username?: string | null; email?: string | null; displayName?: string | null };

// Translations that map every key to itself, so that the result carries keys, not English text.
const keysOnly = <T extends Record<string, Record<string, unknown>>>(translations: T) =>
  Object.fromEntries(
    Object.entries(translations).map(([group, entries]) => [
      group,
      Object.fromEntries(Object.keys(entries).map((key) => [key, key])),
    ]),
  ) as unknown as T;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: keysOnly(zxcvbnEn.translations),
  });
  return factory;
}

/** The words of the account that a password should not be built from. */
export function userInputs(context: PasswordContext): string[] {
  const words = new Set<string>(['encore']);
  for (const value of [context.username, context.email, context.displayName]) {
    if (!value) continue;
    const lower = value.trim().toLowerCase();
    if (lower) words.add(lower);
    for (const part of lower.split(/[\s@._+-]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** What is wrong with a password for this account, or null when it may be used. */
export function passwordProblem(password: string, context: PasswordContext): PasswordProblem | null {
  if (isCommonPassword(password)) return { code: 'passwordCommon' };
  const lower = password.toLowerCase();
  const own = [context.username, context.email].filter((v): v is string => Boolean(v));
  if (own.some((value) => value.trim().toLowerCase() === lower)) return { code: 'passwordLikeAccount' };
  const result = estimator().check(password, userInputs(context));
  if (result.score >= MIN_SCORE) return null;
  return {
    code: 'passwordWeak',
    feedback: {
      warning: result.feedback.warning || null,
      suggestions: result.feedback.suggestions.length ? result.feedback.suggestions : ['anotherWord'],
    },
  };
}

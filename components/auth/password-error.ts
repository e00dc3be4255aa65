'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { PasswordFeedback } from '@/lib/accounts/validation';

/**
 * The text of an error key of the sign-in, registration and password forms (auth.errors.*, else the
 * generic "something went wrong"). For a new password that is too easy to guess, also what makes it
 * weak and how to make it stronger (zxcvbn's hints, translated from auth.passwordFeedback), so the
 * shopper knows what to change.
 */
export function useAuthErrorText(): (key: string | undefined, feedback?: PasswordFeedback) => string | null {
  const t = useTranslations('auth');
  // Sentences run on without spaces in Chinese.
  const gap = useLocale() === 'zh' ? '' : ' ';
  return (key, feedback) => {
    if (!key) return null;
    const error = t.has(`errors.${key}`) ? t(`errors.${key}`) : t('errors.unexpected');
    if (key !== 'passwordWeak' || !feedback) return error;
    const warning = feedback.warning ? `passwordFeedback.warnings.${feedback.warning}` : null;
    const suggestions = feedback.suggestions
      .map((suggestion) => `passwordFeedback.suggestions.${suggestion}`)
      .filter((hint) => t.has(hint));
    return [
      error,
      warning && t.has(warning) ? t(warning) : null,
      suggestions.length ? [t('passwordFeedbackLabel'), ...suggestions.map((hint) => t(hint))].join(gap) : null,
    ]
      .filter(Boolean)
      .join(gap);
  };
}

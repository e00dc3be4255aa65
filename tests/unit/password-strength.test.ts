import { describe, expect, it } from 'vitest';
import { passwordProblem, userInputs } from '@/lib/accounts/password-strength';
import { MESSAGES } from '@/lib/i18n/messages';

const ada = { username: 'adalovelace', email: 'ada.lovelace@example.com', displayName: 'Ada Lovelace' };

describe('password strength', () => {
  it.each(['aaaaaaaa', 'abcdefgh', '12345678a', 'qwertyuiop1', 'Summer2024!', 'abcabcabcabc'])(
    'refuses the easy-to-guess %s, with hints',
    (password) => {
      const problem = passwordProblem(password, ada);
      expect(problem?.code).toMatch(/^password(Weak|Common)$/);
      if (problem?.code === 'passwordWeak') expect(problem.feedback?.suggestions.length).toBeGreaterThan(0);
    },
  );

  it('refuses the 10,000 most common passwords as typed and in lower case', () => {
    expect(passwordProblem('password1', ada)).toEqual({ code: 'passwordCommon' });
    expect(passwordProblem('Qwertyuiop', ada)).toEqual({ code: 'passwordCommon' });
  });

  it('refuses passwords built from the account’s own username, email or name', () => {
    expect(passwordProblem('ADALOVELACE', ada)).toEqual({ code: 'passwordLikeAccount' });
    expect(passwordProblem('ada.lovelace@example.com', ada)).toEqual({ code: 'passwordLikeAccount' });
    for (const built of ['adalovelace1815', 'Lovelace2024']) {
      const problem = passwordProblem(built, ada);
      expect(problem?.code).toBe('passwordWeak');
      expect(problem?.feedback?.warning).toBe('userInputs');
    }
    // The same password is fine for someone whose name it is not.
    expect(passwordProblem('adalovelace1815', { username: 'grace', email: 'grace@example.com' })).toBeNull();
    expect(userInputs(ada)).toEqual(expect.arrayContaining(['adalovelace', 'ada', 'lovelace', 'example']));
  });

  it.each([
    'correct horse battery staple',
    'a first e2e passphrase',
    '我的密码是一首很长的诗🎵我的密码是一首',
    'x7#Lq9!vR2@m',
  ])('accepts the strong %s', (password) => {
    expect(passwordProblem(password, ada)).toBeNull();
  });

  it('has every hint zxcvbn can give in English and Chinese', async () => {
    const { translations } = await import('@zxcvbn-ts/language-en');
    for (const locale of ['en', 'zh'] as const) {
      const feedback = (MESSAGES[locale].auth as unknown as Record<string, Record<string, Record<string, string>>>)
        .passwordFeedback;
      for (const group of ['warnings', 'suggestions'] as const) {
        for (const key of Object.keys(translations[group]))
          expect(feedback?.[group]?.[key], `${locale} ${group}.${key}`).toBeTruthy();
      }
    }
  });
});

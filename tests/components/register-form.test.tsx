import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RegisterForm } from '@/components/auth/register-form';
import { MESSAGES } from '@/lib/i18n/messages';
import { first } from '@/tests/support/lists';

type State = {
  ok: boolean;
  fieldErrors?: Record<string, string>;
  passwordFeedback?: { warning: string | null; suggestions: string[] };
  message?: string;
  email?: string;
} | null;

const actions = vi.hoisted(() => ({
  registerAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
}));
vi.mock('@/lib/actions/registration', () => actions);

function renderIn(locale: 'en' | 'zh') {
  return render(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      <RegisterForm next="/products/neon-harbour" />
    </NextIntlClientProvider>,
  );
}

function fill(labels: { username: RegExp; email: RegExp; password: RegExp }, password: string) {
  fireEvent.change(screen.getByLabelText(labels.username), { target: { value: 'ada' } });
  fireEvent.change(screen.getByLabelText(labels.email), { target: { value: 'ada@example.com' } });
  fireEvent.change(screen.getByLabelText(labels.password), { target: { value: password } });
}

beforeEach(() => actions.registerAction.mockReset());

describe('RegisterForm', () => {
  it('says why a password is too easy to guess and how to make it stronger, in English and Chinese', async () => {
    const weak: State = {
      ok: false,
      fieldErrors: { password: 'passwordWeak' },
      passwordFeedback: { warning: 'simpleRepeat', suggestions: ['anotherWord', 'repeated'] },
    };
    actions.registerAction.mockResolvedValue(weak);
    const en = renderIn('en');
    fill({ username: /^Username/, email: /^Email/, password: /^Password/ }, 'aaaaaaaa');
    fireEvent.click(screen.getByRole('button', { name: 'Create an account' }));
    const password = screen.getByLabelText(/^Password/);
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    const text = document.getElementById(password.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent;
    expect(text).toBe(
      'That password is too easy to guess. Repeated characters like "aaa" are easy to guess. ' +
        'How to make it stronger: Add more words that are less common. Avoid repeated words and characters.',
    );
    expect((password as HTMLInputElement).value).toBe('aaaaaaaa');
    en.unmount();

    renderIn('zh');
    fill({ username: /^用户名/, email: /^电子邮箱/, password: /^密码/ }, 'aaaaaaaa');
    fireEvent.click(screen.getByRole('button', { name: '注册账户' }));
    await screen.findByText(
      /这个密码太容易被猜到。像“aaa”这样的重复字符很容易被猜到。如何让密码更安全：再加几个不常见的词。/,
    );
  });

  it('ends on "check your email" with the address, whatever the address', async () => {
    actions.registerAction.mockResolvedValue({ ok: true, message: 'checkEmail', email: 'ada@example.com' });
    renderIn('en');
    fill({ username: /^Username/, email: /^Email/, password: /^Password/ }, 'a long registration passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Create an account' }));
    await screen.findByRole('heading', { name: 'Check your email' });
    expect(screen.getByRole('status').textContent).toContain('We sent a link to ada@example.com.');
    const sent = first(actions.registerAction.mock.calls)[1];
    expect(sent.get('next')).toBe('/products/neon-harbour');
  });
});

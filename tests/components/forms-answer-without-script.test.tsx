import { screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountDeleted } from '@/components/account/delete-account-form';
import { EmailForm } from '@/components/account/email-form';
import { PasswordForm } from '@/components/account/password-form';
import { ProfileForm } from '@/components/account/profile-form';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { OrderLinkRequestForm } from '@/components/orders/order-link-request-form';
import { MESSAGES } from '@/lib/i18n/messages';
import { describedText } from '@/tests/support/described';
import { renderWithMessages } from '@/tests/support/intl';

/*
 * A form posted without JavaScript comes back in the server's HTML with the answer its page read with
 * `formResult` (lib/http/form-result.ts) and passed as `initial`: these render the forms as the server
 * does (no script, so `useScripted` is false) and read that HTML.
 */

vi.mock('@/lib/actions/registration', () => ({ forgotPasswordAction: vi.fn(), resetPasswordAction: vi.fn() }));
vi.mock('@/lib/actions/account', () => ({
  updateProfileAction: vi.fn(),
  changeEmailAction: vi.fn(),
  changePasswordAction: vi.fn(),
  deleteAccountAction: vi.fn(),
}));
vi.mock('@/lib/actions/orders', () => ({ requestOrderLinkAction: vi.fn() }));
vi.mock('next-auth/react', () => ({ signOut: vi.fn() }));
const router = vi.hoisted(() => ({ push: vi.fn(), refresh: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));
const queryClient = vi.hoisted(() => ({ invalidateQueries: vi.fn(() => Promise.resolve()) }));
vi.mock('@tanstack/react-query', () => ({ useQueryClient: () => queryClient }));

beforeEach(() => {
  document.body.innerHTML = '';
  router.push.mockReset();
  router.refresh.mockReset();
  queryClient.invalidateQueries.mockClear();
});

/** The server's HTML of `ui`, put in the document as a browser without JavaScript shows it. */
function serverHtml(ui: React.ReactNode, locale: 'en' | 'zh' = 'en') {
  document.body.innerHTML = renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      {ui}
    </NextIntlClientProvider>,
  );
}

describe('the answer of a form posted without JavaScript', () => {
  it('forgot password: "on its way" in place of the form, or the field error', () => {
    serverHtml(<ForgotPasswordForm initial={{ ok: true, message: 'resetSent' }} />);
    expect(screen.getByRole('status').textContent).toContain('a link to reset its password is on its way');
    expect(screen.queryByRole('button')).toBeNull();
    serverHtml(<ForgotPasswordForm initial={{ ok: false, fieldErrors: { email: 'emailInvalid' } }} />, 'zh');
    expect(describedText(screen.getByLabelText('电子邮箱'))).toContain('请输入有效的电子邮箱。');
  });

  it('reset password: done, with the way to sign in; or the repeat that differs', () => {
    serverHtml(<ResetPasswordForm token="reset-token" initial={{ ok: true }} />);
    expect(screen.getByRole('status').textContent).toBe('Your password has been changed. Sign in with the new one.');
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');
    expect(screen.queryByRole('button')).toBeNull();
    serverHtml(
      <ResetPasswordForm token="reset-token" initial={{ ok: false, fieldErrors: { confirm: 'passwordMismatch' } }} />,
    );
    expect(describedText(screen.getByLabelText('Repeat the new password'))).toBe('The two passwords are different.');
    expect(screen.getByRole('button', { name: 'Set the new password' })).toBeTruthy();
  });

  it('profile: saved, under the form', () => {
    serverHtml(<ProfileForm displayName="Nora" preferredLocale="en" initial={{ ok: true, message: 'profileSaved' }} />);
    expect(screen.getByRole('status').textContent).toBe('Your profile has been saved.');
    expect((screen.getByLabelText('Display name', { exact: false }) as HTMLInputElement).value).toBe('Nora');
  });

  it('email and password: changed (or set), or the error beside its field', () => {
    serverHtml(<EmailForm initial={{ ok: true, message: 'emailChanged' }} />);
    expect(screen.getByRole('status').textContent).toContain('Your email address has been changed.');
    serverHtml(<EmailForm initial={{ ok: false, fieldErrors: { email: 'emailTaken' } }} />);
    expect(describedText(screen.getByLabelText('New email address'))).toBe(
      'Another account already uses that email address.',
    );
    serverHtml(<PasswordForm hasPassword initial={{ ok: true, message: 'passwordChanged' }} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Your password has been changed. Every other device has been signed out.',
    );
    serverHtml(<PasswordForm hasPassword={false} initial={{ ok: true, message: 'passwordSet' }} />);
    expect(screen.getByRole('status').textContent).toBe('Your password has been set.');
    serverHtml(<PasswordForm hasPassword initial={{ ok: false, fieldErrors: { currentPassword: 'passwordWrong' } }} />);
    expect(describedText(screen.getByLabelText('Current password'))).toBe('That is not your current password.');
  });

  it('an order link request: sent, in place of the form', () => {
    serverHtml(<OrderLinkRequestForm number="EN-100123" initial={{ ok: true }} />);
    expect(screen.getByRole('status').textContent).toContain('EN-100123');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('deleting the account: the confirmation (the page shows it in place of the form), with the way home', () => {
    serverHtml(<AccountDeleted />);
    expect(screen.getByRole('status').textContent).toContain('Your account has been deleted');
    expect(screen.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe('/');
  });

  it('with JavaScript, an answer passed in is shown but does not run what a new success does', async () => {
    renderWithMessages(<EmailForm initial={{ ok: true, message: 'emailChanged' }} />);
    expect(screen.getByRole('status').textContent).toContain('Your email address has been changed.');
    renderWithMessages(
      <ProfileForm displayName="Nora" preferredLocale="en" initial={{ ok: true, message: 'profileSaved' }} />,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(router.refresh).not.toHaveBeenCalled();
    expect(queryClient.invalidateQueries).not.toHaveBeenCalled();
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EmailForm } from '@/components/account/email-form';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { describedText } from '@/tests/support/described';
import { renderWithMessages } from '@/tests/support/intl';
import { first } from '@/tests/support/lists';

type State = { ok: boolean; fieldErrors?: Record<string, string>; message?: string } | null;
type Action = (previous: State, formData: FormData) => Promise<State>;

const actions = vi.hoisted(() => ({
  forgotPasswordAction: vi.fn<Action>(),
  resetPasswordAction: vi.fn<Action>(),
  changeEmailAction: vi.fn<Action>(),
}));
vi.mock('@/lib/actions/registration', () => ({
  forgotPasswordAction: actions.forgotPasswordAction,
  resetPasswordAction: actions.resetPasswordAction,
}));
vi.mock('@/lib/actions/account', () => ({ changeEmailAction: actions.changeEmailAction }));
const router = vi.hoisted(() => ({ push: vi.fn(), refresh: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => router }));

beforeEach(() => {
  for (const action of Object.values(actions)) action.mockReset();
  router.push.mockReset();
  router.refresh.mockReset();
});

describe('ForgotPasswordForm', () => {
  it('shows a field error in Chinese, keeping the address, then the same answer for any address', async () => {
    actions.forgotPasswordAction.mockResolvedValueOnce({ ok: false, fieldErrors: { email: 'emailInvalid' } });
    renderWithMessages(<ForgotPasswordForm />, 'zh');
    const email = screen.getByLabelText('电子邮箱') as HTMLInputElement;
    fireEvent.change(email, { target: { value: 'ada@' } });
    fireEvent.click(screen.getByRole('button', { name: '发送链接' }));
    await waitFor(() => expect(describedText(email)).toContain('请输入有效的电子邮箱。'), { timeout: 5000 });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.value).toBe('ada@');

    actions.forgotPasswordAction.mockResolvedValueOnce({ ok: true, message: 'resetSent' });
    fireEvent.change(email, { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: '发送链接' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('重置密码的链接已发出'), {
      timeout: 5000,
    });
    expect(actions.forgotPasswordAction.mock.calls[1]![1].get('email')).toBe('ada@example.com');
  });
});

describe('ResetPasswordForm', () => {
  it('says the repeat differs beside it, then sends the token and goes on to sign in', async () => {
    actions.resetPasswordAction.mockResolvedValueOnce({ ok: false, fieldErrors: { confirm: 'passwordMismatch' } });
    renderWithMessages(<ResetPasswordForm token="reset-token" />);
    fireEvent.change(screen.getByLabelText(/^New password/), { target: { value: 'a long new passphrase' } });
    fireEvent.change(screen.getByLabelText('Repeat the new password'), { target: { value: 'another one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    const confirm = screen.getByLabelText('Repeat the new password');
    await waitFor(() => expect(describedText(confirm)).toBe('The two passwords are different.'), { timeout: 5000 });
    const sent = first(actions.resetPasswordAction.mock.calls)[1];
    expect(Object.fromEntries(sent.entries())).toEqual({
      token: 'reset-token',
      password: 'a long new passphrase',
      confirm: 'another one',
    });
    expect(router.push).not.toHaveBeenCalled();

    actions.resetPasswordAction.mockResolvedValueOnce({ ok: true });
    fireEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    await waitFor(() => expect(router.push).toHaveBeenCalledWith('/login?reset=1'), { timeout: 5000 });
  });

  it('names an unknown form error as unexpected rather than showing its key', async () => {
    actions.resetPasswordAction.mockResolvedValueOnce({ ok: false, fieldErrors: { form: 'invalid' } });
    renderWithMessages(<ResetPasswordForm token="reset-token" />);
    fireEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Something went wrong. Please try again.'), {
      timeout: 5000,
    });
  });
});

describe('EmailForm', () => {
  it('shows an account error beside the address, then on success empties the form and refreshes the page', async () => {
    actions.changeEmailAction.mockResolvedValueOnce({ ok: false, fieldErrors: { email: 'emailTaken' } });
    renderWithMessages(<EmailForm />);
    const email = screen.getByLabelText('New email address') as HTMLInputElement;
    const password = screen.getByLabelText('Current password') as HTMLInputElement;
    fireEvent.change(email, { target: { value: 'grace@example.com' } });
    fireEvent.change(password, { target: { value: 'current passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change the email address' }));
    await waitFor(() => expect(describedText(email)).toBe('Another account already uses that email address.'), {
      timeout: 5000,
    });
    expect(email.value).toBe('grace@example.com');

    actions.changeEmailAction.mockResolvedValueOnce({ ok: true, message: 'emailChanged' });
    fireEvent.click(screen.getByRole('button', { name: 'Change the email address' }));
    await waitFor(() => expect(router.refresh).toHaveBeenCalled(), { timeout: 5000 });
    expect(screen.getByRole('status').textContent).toContain('Your email address has been changed.');
    expect(email.value).toBe('');
    expect(password.value).toBe('');
    expect(first(actions.changeEmailAction.mock.calls)[1].get('currentPassword')).toBe('current passphrase');
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { Providers } from '@/components/providers';
import { MESSAGES } from '@/lib/i18n/messages';

vi.mock('@/lib/actions/account', () => ({
  deleteAccountAction: vi.fn(async () => ({ ok: false, fieldErrors: { form: 'returnOpen' } })),
}));
vi.mock('next-auth/react', () => ({ signOut: vi.fn() }));

describe('DeleteAccountForm with a return in progress', () => {
  it.each([
    ['en', 'Delete my account permanently', 'You have a return in progress.'],
    ['zh', '永久删除我的账户', '您有正在处理的退货。'],
  ] as const)('says why the account cannot be deleted yet (%s)', async (locale, submit, message) => {
    render(
      <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
        <Providers currency="USD">
          <DeleteAccountForm hasPassword username="ada" />
        </Providers>
      </NextIntlClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: submit }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(message));
  });
});

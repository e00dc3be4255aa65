import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminFlashProvider } from '@/components/admin/admin-flash';
import { CheckInForm } from '@/components/admin/rentals/check-in-form';
import type { CheckInResult } from '@/lib/actions/admin/rentals';
import { MESSAGES } from '@/lib/i18n/messages';
import { deferred } from '@/tests/support/deferred';
import { first } from '@/tests/support/lists';

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }), usePathname: () => '/admin/rentals' }));

const actions = vi.hoisted(() => ({
  checkInAction: vi.fn<(p: unknown, f: FormData) => Promise<CheckInResult>>(),
  dispatchRentalAction: vi.fn(),
  addCopiesAction: vi.fn(),
  changeCopyAction: vi.fn(),
}));
vi.mock('@/lib/actions/admin/rentals', () => actions);

function renderDesk(locale: 'en' | 'zh' = 'en') {
  return render(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      <AdminFlashProvider>
        <CheckInForm />
      </AdminFlashProvider>
    </NextIntlClientProvider>,
  );
}

const checkedIn: CheckInResult = {
  ok: true,
  code: 'R-CD-1',
  productTitle: 'Kind of Blue',
  format: 'cd',
  editionName: null,
  orderNumber: 'EN-100042',
  currency: 'EUR',
  daysLate: 2,
  lateFeeMinor: 144,
  damageChargeMinor: 0,
  refund: { status: 'sent', refundId: 7, amountMinor: 2855 },
};

/** What a barcode scanner does: types the code into the focused field, then presses Enter. */
function scan(code: string) {
  const field = document.activeElement as HTMLInputElement;
  fireEvent.change(field, { target: { value: code } });
  fireEvent.submit(field.form!);
}

beforeEach(() => {
  refresh.mockReset();
  actions.checkInAction.mockReset();
});

describe('the check-in box', () => {
  it('opens focused on the code, sends it on Enter, shows what was taken back and is ready for the next scan', async () => {
    const answer = deferred<CheckInResult>();
    actions.checkInAction.mockReturnValueOnce(answer.promise);
    renderDesk();
    const code = screen.getByLabelText('Copy code');
    expect(document.activeElement).toBe(code);
    // Enter in a text field submits its form when the form has a submit button (implicit submission,
    // which jsdom does not perform): a scanner's Enter sends the code.
    const submit = screen.getByRole('button', { name: 'Check in' });
    expect([submit.getAttribute('type'), submit.closest('form'), code.tagName]).toEqual([
      'submit',
      code.closest('form'),
      'INPUT',
    ]);
    scan('r-cd-1');
    await waitFor(() => expect(submit).toHaveProperty('disabled', true));
    expect(Object.fromEntries(first(actions.checkInAction.mock.calls)[1])).toEqual({ code: 'r-cd-1', damage: '' });
    await act(async () => answer.resolve(checkedIn));
    const status = code.closest('form')!.querySelector('[role="status"]')!;
    await waitFor(() => expect(status.textContent).toContain('Checked in: Kind of Blue (R-CD-1)'));
    expect(status.textContent).toContain('2 days late');
    expect(status.textContent).toContain('Late fee kept: €1.44');
    expect(status.textContent).toContain('Deposit refunded: €28.55 (order EN-100042)');
    expect((code as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(code);
    expect(refresh).toHaveBeenCalled();
  });

  it('says clearly why a code was refused, and keeps it selected to scan again', async () => {
    actions.checkInAction.mockResolvedValueOnce({ ok: false, error: 'already_returned' });
    renderDesk();
    scan('R-CD-1');
    const alert = await screen.findByText(/already been checked in/);
    expect(alert.textContent).toBe('Not checked in: this copy has already been checked in. Nothing was changed.');
    const code = screen.getByLabelText('Copy code') as HTMLInputElement;
    expect(code.value).toBe('R-CD-1');
    expect([code.selectionStart, code.selectionEnd]).toEqual([0, 6]);
    expect(screen.queryByText(/Checked in:/)).toBeNull();
  });

  it('shows a bad damage charge beside its field, in Chinese too', async () => {
    actions.checkInAction.mockResolvedValueOnce({
      ok: false,
      error: 'invalid',
      fieldErrors: { damage: 'amountInvalid' },
    });
    renderDesk('zh');
    scan('R-CD-1');
    const damage = await screen.findByLabelText('损坏费（可选）');
    await waitFor(() => expect(damage.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('请输入金额，例如 4.50。')).toBeTruthy();
    expect(refresh).not.toHaveBeenCalled();
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LostForm } from '@/components/admin/rentals/lost-form';
import { renderAdmin } from '@/tests/support/intl';
import { first } from '@/tests/support/lists';

type Answer = { ok: boolean; [key: string]: unknown };

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }), usePathname: () => '/admin/rentals' }));

const actions = vi.hoisted(() => ({ markRentalLostAction: vi.fn<(p: unknown, f: FormData) => Promise<Answer>>() }));
vi.mock('@/lib/actions/admin/rental-keep', () => actions);

beforeEach(() => {
  refresh.mockReset();
  actions.markRentalLostAction.mockReset();
});

const form = (
  <LostForm
    rentalId={12}
    title="Kind of Blue"
    code="R-CD-1"
    currency="USD"
    depositMinor={2999}
    lateFeeSoFarMinor={216}
  />
);

describe('Mark lost on the desk', () => {
  it('offers at most what the late fee leaves of the deposit, sends the charge, and says what became of the deposit', async () => {
    actions.markRentalLostAction.mockResolvedValueOnce({
      ok: true,
      lateFeeMinor: 216,
      chargeMinor: 2000,
      currency: 'USD',
      refund: { status: 'sent', refundId: 5, amountMinor: 783 },
    });
    renderAdmin(form);
    const charge = screen.getByLabelText('Charge for the copy') as HTMLInputElement;
    expect(charge.value).toBe('27.83');
    expect(screen.getByText(/at most \$27\.83/)).toBeTruthy();
    fireEvent.change(charge, { target: { value: '20.00' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirm: the copy is lost' })));
    expect(Object.fromEntries(first(actions.markRentalLostAction.mock.calls)[1])).toEqual({
      rentalId: '12',
      charge: '20.00',
    });
    await waitFor(() =>
      expect(
        screen.getByText('Kind of Blue (R-CD-1) marked lost: charge $20.00, late fee $2.16. Deposit refunded: $7.83.'),
      ).toBeTruthy(),
    );
  });

  it('shows a refusal and a bad amount beside the form', async () => {
    actions.markRentalLostAction
      .mockResolvedValueOnce({ ok: false, error: 'invalid', fieldErrors: { charge: 'amountInvalid' } })
      .mockResolvedValueOnce({ ok: false, error: 'not_out' });
    renderAdmin(form);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirm: the copy is lost' })));
    await waitFor(() => expect(screen.getByText('Enter an amount such as 4.50.')).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirm: the copy is lost' })));
    await waitFor(() => expect(screen.getByText('this copy is not out with a shopper.')).toBeTruthy());
  });
});

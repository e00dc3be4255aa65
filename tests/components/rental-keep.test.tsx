import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type RentalListItem, RentalList } from '@/components/account/rental-list';
import type { KeepRentalState } from '@/lib/actions/rentals';
import { type Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';

const actions = vi.hoisted(() => ({
  keepRentalAction: vi.fn<(previous: unknown, formData: FormData) => Promise<KeepRentalState>>(),
}));
vi.mock('@/lib/actions/rentals', () => actions);
const refresh = vi.hoisted(() => vi.fn());
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

beforeEach(() => {
  actions.keepRentalAction.mockReset();
  refresh.mockReset();
});

const item = (id: number, state: RentalListItem['state'], keep: RentalListItem['keep'] = null): RentalListItem => ({
  id,
  title: `Night Drive ${id}`,
  slug: 'night-drive',
  edition: 'Blu-ray',
  orderNumber: 'EN-1001',
  periodDays: 7,
  fee: '$4.99',
  deposit: '$29.99',
  tracking: null,
  state,
  keep,
});

const OFFER = {
  kind: 'offer' as const,
  offer: {
    price: '$25.00',
    sale: '$29.99',
    fee: '$4.99',
    lateFee: '$2.16',
    fromDeposit: '$25.00',
    refund: '$2.83',
    toPay: null,
    priceMinor: 2500,
    lateFeeMinor: 216,
  },
  initial: null,
};

function renderList(items: RentalListItem[], locale: Locale = 'en') {
  return render(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      <RentalList items={items} />
    </NextIntlClientProvider>,
  );
}

const row = (id: number) => screen.getByRole('listitem', { name: new RegExp(`Night Drive ${id}`) });

describe('Keep it on /account/rentals', () => {
  it('shows the price and its breakdown, and keeps the copy only after the confirm button', async () => {
    actions.keepRentalAction.mockResolvedValue({ ok: true, rentalId: 1, refundMinor: 283 });
    renderList([
      item(1, { kind: 'overdue', dueDate: 'March 9, 2026', daysLate: 3, lateFee: '$2.16', perDay: '$0.72' }, OFFER),
    ]);
    const rental = row(1);
    expect(within(rental).getByText('Keep it for $25.00')).toBeTruthy();
    expect(rental.textContent).toContain('The sale price, $29.99, less the $4.99 rental fee you already paid.');
    expect(rental.textContent).toContain('the rest of the deposit comes back to you');
    expect(rental.textContent).toContain('Late fee so far (kept)$2.16');
    expect(rental.textContent).toContain('Paid from your deposit$25.00');
    expect(rental.textContent).toContain('Refunded to you$2.83');
    expect(actions.keepRentalAction).not.toHaveBeenCalled();
    fireEvent.click(within(rental).getByRole('button', { name: 'Yes, keep Night Drive 1' }));
    await waitFor(() => expect(actions.keepRentalAction).toHaveBeenCalledTimes(1));
    const formData = actions.keepRentalAction.mock.calls[0]?.[1];
    expect(formData?.get('rentalId')).toBe('1');
    // The quote shown goes with it: the shop keeps the copy at this price only.
    expect(formData?.get('priceMinor')).toBe('2500');
    expect(formData?.get('lateFeeMinor')).toBe('216');
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(await within(rental).findByText('The copy is yours.')).toBeTruthy();
  });

  it('shows the new quote when the price or the late fee changed since the page was shown', async () => {
    actions.keepRentalAction.mockResolvedValue({ ok: false, rentalId: 1, error: 'quote_changed' });
    renderList([item(1, { kind: 'out', dueDate: 'March 9, 2026', daysLeft: 2 }, OFFER)]);
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Yes, keep Night Drive 1' }));
    await waitFor(() => expect(within(row(1)).getByRole('alert').textContent).toContain('check the new amounts'));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
  });

  it('says why when the keep is refused', async () => {
    actions.keepRentalAction.mockResolvedValue({ ok: false, rentalId: 1, error: 'already_kept' });
    renderList([item(1, { kind: 'out', dueDate: 'March 9, 2026', daysLeft: 2 }, OFFER)]);
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Yes, keep Night Drive 1' }));
    expect(await within(row(1)).findByRole('alert')).toBeTruthy();
    await waitFor(() => expect(within(row(1)).getByRole('alert').textContent).toBe('You have already kept this copy.'));
    expect(refresh).not.toHaveBeenCalled();
  });

  it('with a shortfall, says what is left to pay and sends the form to pay it, in Chinese too', async () => {
    actions.keepRentalAction.mockResolvedValue({ ok: false, rentalId: 1, error: 'payment_received' });
    const offer = {
      ...OFFER,
      offer: { ...OFFER.offer, price: '¥250.00', fromDeposit: '¥100.00', refund: '¥0.00', toPay: '¥150.00' },
    };
    renderList([item(1, { kind: 'out', dueDate: '2026年3月9日', daysLeft: 2 }, offer)], 'zh');
    expect(row(1).textContent).toContain('现在需支付¥150.00');
    expect(row(1).textContent).not.toContain('退还给您');
    expect(row(1).textContent).toContain('差额请在支付页面支付');
    fireEvent.click(within(row(1)).getByRole('button', { name: '留下《Night Drive 1》并支付 ¥150.00' }));
    await waitFor(() => expect(actions.keepRentalAction).toHaveBeenCalledTimes(1));
  });

  it('points to the order while the shortfall is unpaid, and says when it was paid', () => {
    renderList([
      item(
        1,
        { kind: 'out', dueDate: 'March 9, 2026', daysLeft: 2 },
        { kind: 'paying', amount: '$15.00', orderNumber: 'EN-1234' },
      ),
      item(
        2,
        { kind: 'overdue', dueDate: 'March 9, 2026', daysLate: 1, lateFee: '$0.72', perDay: '$0.72' },
        { kind: 'paid' },
      ),
    ]);
    expect(row(1).textContent).toContain('You asked to keep this copy: $15.00 is still to pay.');
    expect(within(row(1)).getByRole('link', { name: 'Pay on order EN-1234' }).getAttribute('href')).toBe(
      '/orders/EN-1234',
    );
    expect(row(2).textContent).toContain('Payment received: the copy becomes yours in a moment.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows kept, converted and lost rentals clearly', () => {
    renderList([
      item(1, {
        kind: 'kept',
        date: 'Mar 5, 2026',
        price: '$25.00',
        fromDeposit: '$25.00',
        lateFee: null,
        refund: '$4.99',
      }),
      item(2, {
        kind: 'kept',
        date: 'Mar 22, 2026',
        price: null,
        fromDeposit: '$0.00',
        lateFee: null,
        refund: '$0.00',
      }),
      item(3, { kind: 'lost', date: 'Mar 20, 2026', lateFee: '$6.48', charge: '$10.00', refund: '$13.51' }),
    ]);
    expect(row(1).textContent).toContain('Yours to keep');
    expect(row(1).textContent).toContain('You kept this copy on Mar 5, 2026 for $25.00');
    expect(row(2).textContent).toContain(
      'the rental became a purchase: the copy is yours, and the $29.99 deposit was kept',
    );
    expect(row(3).textContent).toContain('Lost');
    expect(row(3).textContent).toContain('Charge for the copy: $10.00. Deposit refunded: $13.51.');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

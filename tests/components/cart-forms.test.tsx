import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CartView } from '@/components/cart/cart-view';
import { renderWithMessages } from '@/tests/support/intl';
import { first } from '@/tests/support/lists';
import { AddToCart } from '@/components/store/add-to-cart';
import type { CartLineView, CartView as Cart } from '@/lib/cart/queries';
import { deferred } from '@/tests/support/deferred';

type Result = { ok: true; quantity: number; capped: boolean } | { ok: false; error: string };

const actions = vi.hoisted(() => ({
  addToCartAction: vi.fn<(previous: unknown, formData: FormData) => Promise<Result>>(),
  updateCartLineAction: vi.fn<(previous: unknown, formData: FormData) => Promise<Result>>(),
  removeCartLineAction: vi.fn<(previous: unknown, formData: FormData) => Promise<Result>>(),
  acknowledgePricesAction: vi.fn<(previous: unknown, formData: FormData) => Promise<{ ok: boolean }>>(),
}));
vi.mock('@/lib/actions/cart', () => actions);
const refreshCart = vi.hoisted(() => vi.fn());
vi.mock('@/components/store/use-cart', () => ({ useRefreshCart: () => refreshCart }));
vi.mock('@/components/providers', () => ({ useFormatMoney: () => (minor: number) => `€${(minor / 100).toFixed(2)}` }));

beforeEach(() => {
  for (const action of Object.values(actions)) action.mockReset();
  refreshCart.mockReset();
});

describe('AddToCart', () => {
  it('is a form posting the edition: pending while it runs, then the outcome and the cart count refreshed', async () => {
    const answer = deferred<Result>();
    actions.addToCartAction.mockReturnValueOnce(answer.promise);
    renderWithMessages(<AddToCart editionId={42} available preorder={false} />);
    const button = screen.getByRole('button', { name: 'Add to cart' });
    expect(button.closest('form')).not.toBeNull();
    fireEvent.click(button);

    await screen.findByRole('button', { name: 'Adding…' });
    expect(screen.getByRole('button', { name: 'Adding…' })).toHaveProperty('disabled', true);
    expect(Object.fromEntries(first(actions.addToCartAction.mock.calls)[1])).toEqual({
      editionId: '42',
      quantity: '1',
    });

    await act(async () => answer.resolve({ ok: true, quantity: 2, capped: true }));
    expect(screen.getByRole('status').textContent).toContain('Only 2 available: your cart now holds 2.');
    expect(within(screen.getByRole('status')).getByRole('link', { name: 'View cart' }).getAttribute('href')).toBe(
      '/cart',
    );
    await waitFor(() => expect(refreshCart).toHaveBeenCalledTimes(1));
  });

  it('says why an edition could not be added, and does not refresh the cart', async () => {
    actions.addToCartAction.mockResolvedValueOnce({ ok: false, error: 'outOfStock' });
    renderWithMessages(<AddToCart editionId={42} available preorder />);
    fireEvent.click(screen.getByRole('button', { name: 'Pre-order' }));
    await screen.findByText('Sorry, this edition just sold out.');
    expect(refreshCart).not.toHaveBeenCalled();
  });

  it('cannot be sent for a sold-out edition', () => {
    renderWithMessages(<AddToCart editionId={42} available={false} preorder={false} />);
    expect(screen.getByRole('button', { name: 'Sold out' })).toHaveProperty('disabled', true);
  });
});

const line = (id: number, title: string, quantity: number, extra: Partial<CartLineView> = {}): CartLineView => ({
  id,
  editionId: id * 10,
  quantity,
  slug: title.toLowerCase().replace(/ /g, '-'),
  title,
  format: 'cd',
  editionName: null,
  kind: 'purchase',
  rentalPeriodDays: null,
  rental: null,
  coverUrl: null,
  unitPriceMinor: 1000,
  priceSeenMinor: 1000,
  lineTotalMinor: 1000 * quantity,
  digital: false,
  stock: 10,
  preorder: false,
  releaseDate: null,
  problems: [],
  ...extra,
});

const cartOf = (lines: CartLineView[]): Cart => ({
  id: 'cart',
  lines,
  itemCount: lines.length,
  subtotalMinor: lines.reduce((sum, l) => sum + l.lineTotalMinor, 0),
  depositMinor: lines.reduce((sum, l) => sum + (l.rental?.depositMinor ?? 0), 0),
  blocking: false,
  maxQuantity: 5,
});

describe('CartView', () => {
  it('sends a new quantity as a form as soon as it is chosen, showing it (and the subtotal) at once', async () => {
    const answer = deferred<Result>();
    actions.updateCartLineAction.mockReturnValueOnce(answer.promise);
    renderWithMessages(<CartView cart={cartOf([line(1, 'Neon Harbour', 1), line(2, 'Blue Hour', 1)])} />);
    const quantity = screen.getByLabelText('Quantity of Neon Harbour');
    fireEvent.change(quantity, { target: { value: '3' } });

    await waitFor(() => expect(actions.updateCartLineAction).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(first(actions.updateCartLineAction.mock.calls)[1])).toEqual({
      lineId: '1',
      quantity: '3',
    });
    expect((quantity as HTMLSelectElement).value).toBe('3');
    expect(screen.getByText('€40.00')).toBeTruthy(); // 3 × €10 + €10, before the server answers
    expect(quantity).toHaveProperty('disabled', true);

    await act(async () => answer.resolve({ ok: true, quantity: 2, capped: true }));
    expect(screen.getByRole('status').textContent).toBe('Only 2 available, so the quantity is 2.');
    await waitFor(() => expect(refreshCart).toHaveBeenCalledTimes(1));
  });

  it('removes a line through its own form and says so when the line was already gone', async () => {
    actions.removeCartLineAction.mockResolvedValueOnce({ ok: false, error: 'lineNotFound' });
    renderWithMessages(<CartView cart={cartOf([line(1, 'Neon Harbour', 1), line(2, 'Blue Hour', 2)])} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Blue Hour from the cart' }));
    await screen.findByText('That item is no longer in your cart.');
    expect(Object.fromEntries(first(actions.removeCartLineAction.mock.calls)[1])).toEqual({ lineId: '2' });
    expect(refreshCart).not.toHaveBeenCalled();
  });

  it('shows a rental line with its period, deposit and late fee, without a quantity, and the deposits apart', () => {
    const rental = line(2, 'Blue Hour', 1, {
      kind: 'rental',
      rentalPeriodDays: 14,
      unitPriceMinor: 998,
      lineTotalMinor: 998,
      rental: { periodDays: 14, feeMinor: 998, depositMinor: 2999, lateFeePerDayMinor: 72 },
      problems: ['noCopyFree'],
    });
    renderWithMessages(<CartView cart={{ ...cartOf([line(1, 'Neon Harbour', 1), rental]), blocking: true }} />);
    const item = screen.getByRole('listitem', { name: 'Blue Hour' });
    expect(within(item).getByText('Rental · 14 days')).toBeTruthy();
    // The format by its name, never its code ("cd").
    expect(within(item).getByText('CD')).toBeTruthy();
    expect(
      within(item).getByText('Deposit €29.99, refunded when the copy is back · late fee €0.72 a day'),
    ).toBeTruthy();
    expect(within(item).getByText('Every copy is rented out right now: remove it to continue.')).toBeTruthy();
    expect(within(item).queryByLabelText('Quantity of Blue Hour')).toBeNull();
    expect(screen.getByLabelText('Quantity of Neon Harbour')).toBeTruthy();
    const summary = screen.getByRole('complementary');
    expect(within(summary).getByText('€19.98')).toBeTruthy(); // €10 + the €9.98 fee
    expect(within(summary).getByText('Refundable deposits').nextSibling?.textContent).toBe('€29.99');
    expect(within(summary).getByText('Please deal with the items marked above before checking out.')).toBeTruthy();
  });

  it('accepts changed prices through a form', async () => {
    actions.acknowledgePricesAction.mockResolvedValueOnce({ ok: true });
    renderWithMessages(<CartView cart={cartOf([line(1, 'Neon Harbour', 1, { problems: ['priceChanged'] })])} />);
    fireEvent.click(screen.getByRole('button', { name: 'OK, use the new prices' }));
    await waitFor(() => expect(actions.acknowledgePricesAction).toHaveBeenCalledTimes(1));
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CancelOrderForm, ShipOrderForm } from '@/components/admin/orders/order-actions';
import { StockAdjustForm } from '@/components/admin/orders/stock-adjust-form';
import { renderAdmin } from '@/tests/support/intl';
import { first } from '@/tests/support/lists';
import { deferred } from '@/tests/support/deferred';

type Result = { ok: boolean; error?: string; fieldErrors?: Record<string, string> };

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }), usePathname: () => '/admin/orders/EN-100001' }));

const stockActions = vi.hoisted(() => ({ adjustStockAction: vi.fn<(p: unknown, f: FormData) => Promise<Result>>() }));
vi.mock('@/lib/actions/admin/stock', () => stockActions);

const orderActions = vi.hoisted(() => {
  const action = () => vi.fn<(p: unknown, f: FormData) => Promise<Result>>();
  return {
    shipOrderAction: action(),
    cancelOrderAction: action(),
    markOrderDeliveredAction: action(),
    refundOrderAction: action(),
    retryOrderRefundsAction: action(),
    addOrderNoteAction: action(),
    resolveOrderAction: action(),
  };
});
vi.mock('@/lib/actions/admin/orders', () => orderActions);

const describedText = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

beforeEach(() => {
  refresh.mockReset();
  stockActions.adjustStockAction.mockReset();
  for (const action of Object.values(orderActions)) action.mockReset();
});

describe('StockAdjustForm', () => {
  it('shows the pending state, then the error beside the change, keeping what was typed', async () => {
    const answer = deferred<Result>();
    stockActions.adjustStockAction.mockReturnValueOnce(answer.promise);
    renderAdmin(<StockAdjustForm editionId={42} />);
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'damaged' } });
    const change = screen.getByLabelText('Change');
    fireEvent.change(change, { target: { value: '-9' } });
    const submit = screen.getByRole('button', { name: 'Apply change' });
    fireEvent.click(submit);
    await waitFor(() => expect(submit).toHaveProperty('disabled', true));
    expect(submit.getAttribute('aria-busy')).toBe('true');
    expect(Object.fromEntries(first(stockActions.adjustStockAction.mock.calls)[1])).toMatchObject({
      editionId: '42',
      reason: 'damaged',
      delta: '-9',
    });
    await act(async () => answer.resolve({ ok: false, error: 'invalid', fieldErrors: { delta: 'belowZero' } }));
    await waitFor(() => expect(submit).toHaveProperty('disabled', false));
    expect(change.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(change)).toContain('below zero');
    expect((change as HTMLInputElement).value).toBe('-9');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('asks for a note on a correction, and clears the form after a success', async () => {
    stockActions.adjustStockAction.mockResolvedValueOnce({ ok: true });
    renderAdmin(<StockAdjustForm editionId={42} />);
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'correction' } });
    const note = screen.getByLabelText('Note (required for a correction)');
    expect(note).toHaveProperty('required', true);
    fireEvent.change(screen.getByLabelText('Change'), { target: { value: '+3' } });
    fireEvent.change(note, { target: { value: 'Found in the back room' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply change' }));
    await screen.findByText('Stock updated.');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect((screen.getByLabelText('Change') as HTMLInputElement).value).toBe('');
  });
});

describe('ShipOrderForm', () => {
  it('asks for the carrier name only for "Other carrier", and shows field errors', async () => {
    orderActions.shipOrderAction.mockResolvedValueOnce({
      ok: false,
      error: 'invalid',
      fieldErrors: { carrierName: 'carrierNameRequired', trackingNumber: 'trackingInvalid' },
    });
    renderAdmin(<ShipOrderForm orderId={7} />);
    expect(screen.queryByLabelText('Carrier name')).toBeNull();
    fireEvent.change(screen.getByLabelText('Carrier'), { target: { value: 'other' } });
    const name = screen.getByLabelText('Carrier name');
    fireEvent.change(screen.getByLabelText('Tracking number'), { target: { value: '??' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark as shipped' }));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(name)).toContain("Enter the carrier's name.");
    expect(describedText(screen.getByLabelText('Tracking number'))).toContain('4 to 40');
    expect(Object.fromEntries(first(orderActions.shipOrderAction.mock.calls)[1])).toMatchObject({
      orderId: '7',
      carrier: 'other',
      trackingNumber: '??',
    });
  });
});

describe('CancelOrderForm', () => {
  it('confirms first, and says so when the action is refused', async () => {
    orderActions.cancelOrderAction.mockResolvedValueOnce({ ok: false, error: 'forbidden' });
    renderAdmin(<CancelOrderForm orderId={7} paid refundLabel="$24.99" />);
    expect(screen.getByText(/\$24\.99 is refunded/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    expect(await screen.findByText('Only staff can do this.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Only staff can do this.');
  });
});

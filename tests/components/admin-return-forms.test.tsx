import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DecideReturnForms, RetryReturnRefundForm } from '@/components/admin/orders/return-actions';
import { deferred } from '@/tests/support/deferred';
import { renderAdmin } from '@/tests/support/intl';
import { first } from '@/tests/support/lists';

type Result = { ok: boolean; error?: string; fieldErrors?: Record<string, string> };

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }), usePathname: () => '/admin/returns/7' }));

const actions = vi.hoisted(() => {
  const action = () => vi.fn<(p: unknown, f: FormData) => Promise<Result>>();
  return {
    approveReturnAction: action(),
    rejectReturnAction: action(),
    receiveReturnAction: action(),
    retryReturnRefundAction: action(),
  };
});
vi.mock('@/lib/actions/admin/returns', () => actions);

beforeEach(() => {
  refresh.mockReset();
  for (const action of Object.values(actions)) action.mockReset();
});

describe('DecideReturnForms', () => {
  it('approves with an optional message and rejects only with a reason, one decision at a time', async () => {
    const answer = deferred<Result>();
    actions.rejectReturnAction.mockReturnValueOnce(answer.promise);
    renderAdmin(<DecideReturnForms returnId={7} />);
    const approve = screen.getByRole('region', { name: 'Approve' });
    const reject = screen.getByRole('region', { name: 'Reject' });
    expect(within(approve).getByLabelText('Message to the customer (optional)')).toHaveProperty('required', false);
    const reason = within(reject).getByLabelText('Reason for the customer');
    expect(reason).toHaveProperty('required', true);

    fireEvent.change(reason, { target: { value: 'Opened and used' } });
    fireEvent.click(within(reject).getByRole('button', { name: 'Reject return' }));
    await waitFor(() =>
      expect(within(approve).getByRole('button', { name: 'Approve return' })).toHaveProperty('disabled', true),
    );
    expect(Object.fromEntries(first(actions.rejectReturnAction.mock.calls)[1])).toEqual({
      returnId: '7',
      message: 'Opened and used',
    });
    await act(async () => answer.resolve({ ok: false, error: 'invalid', fieldErrors: { message: 'required' } }));
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(within(approve).getByRole('button', { name: 'Approve return' })).toHaveProperty('disabled', false);
    expect(actions.approveReturnAction).not.toHaveBeenCalled();
  });
});

describe('RetryReturnRefundForm', () => {
  it('sends the return id and refreshes the page after the retry', async () => {
    actions.retryReturnRefundAction.mockResolvedValueOnce({ ok: true });
    renderAdmin(<RetryReturnRefundForm returnId={7} />);
    fireEvent.click(screen.getByRole('button', { name: 'Retry refund' }));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(Object.fromEntries(first(actions.retryReturnRefundAction.mock.calls)[1])).toEqual({ returnId: '7' });
  });
});

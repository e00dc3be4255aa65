import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckInForm } from '@/components/admin/rentals/check-in-form';
import { AddCopiesForm, CopyChangeForm } from '@/components/admin/rentals/copy-forms';
import { DispatchForm } from '@/components/admin/rentals/desk-actions';
import { renderAdmin } from '@/tests/support/intl';
import { first } from '@/tests/support/lists';

type Answer = { ok: boolean; [key: string]: unknown };

const refresh = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }), usePathname: () => '/admin/rentals' }));

const actions = vi.hoisted(() => ({
  checkInAction: vi.fn<(p: unknown, f: FormData) => Promise<Answer>>(),
  dispatchRentalAction: vi.fn<(p: unknown, f: FormData) => Promise<Answer>>(),
  addCopiesAction: vi.fn<(p: unknown, f: FormData) => Promise<Answer>>(),
  changeCopyAction: vi.fn<(p: unknown, f: FormData) => Promise<Answer>>(),
}));
vi.mock('@/lib/actions/admin/rentals', () => actions);

beforeEach(() => {
  refresh.mockReset();
  for (const action of Object.values(actions)) action.mockReset();
});

describe('the rental desk forms', () => {
  it('says by when a dispatched copy is due back', async () => {
    actions.dispatchRentalAction.mockResolvedValueOnce({ ok: true, dueDate: '2026-04-08' });
    renderAdmin(<DispatchForm rentalId={12} code="R-CD-1" label="Kind of Blue (R-CD-1)" />);
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Mark Kind of Blue (R-CD-1) dispatched' })),
    );
    expect(Object.fromEntries(first(actions.dispatchRentalAction.mock.calls)[1])).toEqual({
      rentalId: '12',
      copyCode: 'R-CD-1',
      carrier: '',
    });
    await waitFor(() =>
      expect(screen.getByText('Kind of Blue (R-CD-1) dispatched: due back by Apr 8, 2026.')).toBeTruthy(),
    );
    expect(refresh).toHaveBeenCalled();
  });

  it('sends another copy and a tracking number when the desk gives them, and shows why a scanned copy is refused', async () => {
    actions.dispatchRentalAction.mockResolvedValueOnce({ ok: false, error: 'copy_not_free' });
    renderAdmin(<DispatchForm rentalId={12} code="R-CD-1" label="Kind of Blue (R-CD-1)" />);
    expect(screen.queryByLabelText('Tracking number')).toBeNull();
    fireEvent.change(screen.getByLabelText('Copy sent'), { target: { value: 'R-CD-2' } });
    fireEvent.change(screen.getByLabelText('Carrier'), { target: { value: 'royal_mail' } });
    fireEvent.change(screen.getByLabelText('Tracking number'), { target: { value: 'AB123456789GB' } });
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Mark Kind of Blue (R-CD-1) dispatched' })),
    );
    expect(Object.fromEntries(first(actions.dispatchRentalAction.mock.calls)[1])).toEqual({
      rentalId: '12',
      copyCode: 'R-CD-2',
      carrier: 'royal_mail',
      trackingNumber: 'AB123456789GB',
    });
    await waitFor(() => expect(screen.getByText(/The copy scanned is not free/)).toBeTruthy());
  });

  it('names the code that refused a batch of copies, and keeps the list typed', async () => {
    actions.addCopiesAction.mockResolvedValueOnce({ ok: false, error: 'duplicate_code', code: 'R-CD-2' });
    renderAdmin(<AddCopiesForm editionId={7} />);
    const codes = screen.getByLabelText('Codes, one per line') as HTMLTextAreaElement;
    fireEvent.change(codes, { target: { value: 'R-CD-1\nR-CD-2' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add copies' })));
    expect(Object.fromEntries(first(actions.addCopiesAction.mock.calls)[1])).toEqual({
      editionId: '7',
      codes: 'R-CD-1\nR-CD-2',
      grade: 'good',
    });
    await waitFor(() => expect(codes.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/R-CD-2 is already a copy's code/)).toBeTruthy();
    expect(codes.value).toBe('R-CD-1\nR-CD-2');
  });

  it('offers a returned copy back on offer with its grade, and only what its state allows', async () => {
    actions.changeCopyAction.mockResolvedValueOnce({ ok: true, status: 'available', grade: 'fair' });
    renderAdmin(<CopyChangeForm code="R-CD-1" status="returned_pending_check" grade="good" />);
    const change = screen.getByLabelText('Change') as HTMLSelectElement;
    expect([...change.options].map((option) => option.value)).toEqual([
      'available',
      'grade',
      'damaged',
      'lost',
      'retired',
    ]);
    fireEvent.change(screen.getByLabelText('Grade'), { target: { value: 'fair' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Apply' })));
    expect(Object.fromEntries(first(actions.changeCopyAction.mock.calls)[1])).toEqual({
      code: 'R-CD-1',
      change: 'available',
      grade: 'fair',
    });
    await waitFor(() => expect(screen.getByText('Copy R-CD-1 changed.')).toBeTruthy());
    renderAdmin(<CopyChangeForm code="R-CD-9" status="lost" grade="good" />);
    expect(screen.getByText('No change possible')).toBeTruthy();
  });

  it('sends a doubled Enter once, and takes the next scan as soon as the answer is in', async () => {
    let answer: (value: Answer) => void = () => {};
    actions.checkInAction.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    actions.checkInAction.mockResolvedValueOnce({ ok: false, error: 'already_returned' });
    renderAdmin(<CheckInForm />);
    const code = screen.getByLabelText('Copy code') as HTMLInputElement;
    const form = screen.getByRole('form', { name: 'Check in' });
    fireEvent.change(code, { target: { value: 'R-CD-1' } });
    await act(async () => {
      fireEvent.submit(form);
      fireEvent.submit(form);
    });
    expect(actions.checkInAction).toHaveBeenCalledTimes(1);
    await act(async () =>
      answer({
        ok: true,
        code: 'R-CD-1',
        productTitle: 'Kind of Blue',
        format: 'cd',
        editionName: null,
        orderNumber: 'EN-1',
        currency: 'USD',
        daysLate: 0,
        lateFeeMinor: 0,
        damageChargeMinor: 0,
        refund: { status: 'sent', refundId: 1, amountMinor: 1999 },
      }),
    );
    await waitFor(() => expect(screen.getByText('Checked in: Kind of Blue (R-CD-1)')).toBeTruthy());
    expect(code.value).toBe('');
    fireEvent.change(code, { target: { value: 'R-CD-1' } });
    await act(async () => fireEvent.submit(form));
    expect(actions.checkInAction).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.getByText(/this copy has already been checked in/)).toBeTruthy());
  });
});

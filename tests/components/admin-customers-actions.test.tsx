import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomerActions } from '@/components/admin/customers/customer-actions';
import { MESSAGES } from '@/lib/i18n/messages';
import { first } from '@/tests/support/lists';
import { deferred } from '@/tests/support/deferred';

type State =
  | { ok: true; message: string }
  | { ok: false; fieldErrors: Record<string, string> }
  | { ok: false; error: 'unauthenticated' | 'forbidden' }
  | null;

const actions = vi.hoisted(() => ({
  changeCustomerRoleAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
  disableCustomerAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
  enableCustomerAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
}));
vi.mock('@/lib/actions/admin/customers', () => actions);
const refresh = vi.hoisted(() => vi.fn());
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

function renderActions(props: Partial<React.ComponentProps<typeof CustomerActions>> = {}) {
  return render(
    <NextIntlClientProvider locale="en" messages={MESSAGES.en} timeZone="UTC">
      <CustomerActions userId={42} name="Ada" role="customer" status="active" isSelf={false} {...props} />
    </NextIntlClientProvider>,
  );
}

beforeEach(() => {
  for (const action of Object.values(actions)) action.mockReset();
  refresh.mockReset();
});

describe('CustomerActions', () => {
  it('asks before disabling, can be cancelled, and announces the result', async () => {
    const answer = deferred<State>();
    actions.disableCustomerAction.mockReturnValueOnce(answer.promise);
    renderActions();

    fireEvent.click(screen.getByRole('button', { name: 'Disable the account' }));
    expect(screen.getByRole('group', { name: /Disable Ada\? They are signed out everywhere/ })).toBeTruthy();
    const confirm = screen.getByRole('button', { name: 'Yes, disable it' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Yes, disable it' })).toBeNull();
    expect(actions.disableCustomerAction).not.toHaveBeenCalled();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Disable the account' })),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Disable the account' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, disable it' }));
    await waitFor(() => expect(actions.disableCustomerAction).toHaveBeenCalledTimes(1));
    const sent = first(actions.disableCustomerAction.mock.calls)[1];
    expect(sent.get('userId')).toBe('42');
    expect(screen.getByRole('button', { name: 'Yes, disable it' }).getAttribute('aria-busy')).toBe('true');

    await act(async () => answer.resolve({ ok: true, message: 'disabled' }));
    await waitFor(() =>
      expect(screen.getByText('The account is disabled and signed out everywhere.').getAttribute('role')).toBe(
        'status',
      ),
    );
    expect(refresh).toHaveBeenCalled();
  });

  it('sends the chosen role after confirming, naming it in the question', async () => {
    actions.changeCustomerRoleAction.mockResolvedValueOnce({ ok: false, fieldErrors: { form: 'notAllowed' } });
    renderActions();
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'admin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change role' }));
    expect(screen.getByText(/Make Ada an admin/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, change the role' }));
    await waitFor(() => expect(actions.changeCustomerRoleAction).toHaveBeenCalledTimes(1));
    const sent = first(actions.changeCustomerRoleAction.mock.calls)[1];
    expect(Object.fromEntries(sent.entries())).toEqual({ userId: '42', role: 'admin' });
    expect((await screen.findByText('You are no longer allowed to do this.')).getAttribute('role')).toBe('alert');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('turns the controls off on the admin’s own account and explains why', () => {
    renderActions({ isSelf: true, role: 'admin' });
    expect(screen.getByText(/you cannot demote or disable yourself/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Disable the account' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Change role' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByLabelText('Role').matches(':disabled')).toBe(true);
  });

  it('offers to enable a disabled account', async () => {
    actions.enableCustomerAction.mockResolvedValueOnce({ ok: false, error: 'forbidden' });
    renderActions({ status: 'disabled' });
    expect(screen.queryByRole('button', { name: 'Disable the account' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Enable the account' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, enable it' }));
    await waitFor(() => expect(screen.getByText('Only admins can do this.')).toBeTruthy());
  });
});

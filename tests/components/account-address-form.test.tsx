import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AddressForm } from '@/components/account/address-form';
import { PasswordForm } from '@/components/account/password-form';
import { describedText } from '@/tests/support/described';
import { renderWithMessages } from '@/tests/support/intl';
import { first } from '@/tests/support/lists';
import { deferred } from '@/tests/support/deferred';

type State = { ok: boolean; fieldErrors?: Record<string, string>; message?: string } | null;

const actions = vi.hoisted(() => ({
  createAddressAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
  updateAddressAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
  changePasswordAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
}));
vi.mock('@/lib/actions/account', () => actions);

const countries = [
  { code: 'DE', name: 'Germany' },
  { code: 'GB', name: 'United Kingdom' },
];

beforeEach(() => {
  for (const action of Object.values(actions)) action.mockReset();
});

describe('AddressForm', () => {
  it('shows the pending state, then errors beside their fields, keeping what was typed', async () => {
    const onSaved = vi.fn();
    const answer = deferred<State>();
    actions.createAddressAction.mockReturnValueOnce(answer.promise);
    renderWithMessages(<AddressForm countries={countries} onSaved={onSaved} />);

    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Ada Lovelace' } });
    fireEvent.change(screen.getByLabelText('Postal code'), { target: { value: 'X'.repeat(30) } });
    fireEvent.change(screen.getByLabelText('Country or region'), { target: { value: 'GB' } });
    fireEvent.click(screen.getByLabelText('Use as my default address'));
    const save = screen.getByRole('button', { name: 'Save the address' });
    fireEvent.click(save);

    await waitFor(() => expect(save).toHaveProperty('disabled', true));
    expect(save.getAttribute('aria-busy')).toBe('true');
    const sent = first(actions.createAddressAction.mock.calls)[1];
    expect(Object.fromEntries(sent)).toMatchObject({ fullName: 'Ada Lovelace', country: 'GB', isDefault: 'on' });

    await act(async () =>
      answer.resolve({
        ok: false,
        fieldErrors: { line1: 'required', city: 'required', postalCode: 'tooLong', form: 'addressLimit' },
      }),
    );

    await waitFor(() => expect(save).toHaveProperty('disabled', false));
    const city = screen.getByLabelText('City');
    expect(city.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(city)).toContain('Required.');
    expect(describedText(screen.getByLabelText('Address'))).toContain('Required.');
    expect(describedText(screen.getByLabelText('Postal code'))).toContain('Too long.');
    expect(screen.getByLabelText('Full name').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe(
      'Your address book is full. Delete an address before adding another.',
    );
    // What the user typed is still there.
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Ada Lovelace');
    expect((screen.getByLabelText('Country or region') as HTMLSelectElement).value).toBe('GB');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('reports success, and edits send the address id', async () => {
    const onSaved = vi.fn();
    actions.updateAddressAction.mockResolvedValueOnce({ ok: true, message: 'addressSaved' });
    renderWithMessages(
      <AddressForm
        countries={countries}
        onSaved={onSaved}
        address={{
          id: 42,
          fullName: 'Ada Lovelace',
          line1: '12 St James Square',
          line2: null,
          city: 'London',
          region: null,
          postalCode: 'SW1Y 4JH',
          country: 'GB',
          phone: null,
          isDefault: true,
        }}
      />,
    );
    // The default address has no "make default" checkbox: another address must be chosen instead.
    expect(screen.queryByLabelText('Use as my default address')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save the address' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('saved'));
    expect(Object.fromEntries(first(actions.updateAddressAction.mock.calls)[1])).toMatchObject({
      id: '42',
      city: 'London',
    });
  });
});

describe('PasswordForm', () => {
  it('asks for the current password only when the account has one', async () => {
    const { unmount } = renderWithMessages(<PasswordForm hasPassword={false} />);
    expect(screen.queryByLabelText('Current password')).toBeNull();
    expect(screen.getByRole('button', { name: 'Set a password' })).toBeTruthy();
    unmount();

    actions.changePasswordAction.mockResolvedValueOnce({
      ok: false,
      fieldErrors: { currentPassword: 'passwordWrong' },
    });
    renderWithMessages(<PasswordForm hasPassword />);
    fireEvent.click(screen.getByRole('button', { name: 'Change the password' }));
    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(describedText(current)).toContain('That is not your current password.'));
    expect(screen.getByRole('status').textContent).toBe('');
  });
});

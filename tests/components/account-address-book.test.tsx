import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AddressBook } from '@/components/account/address-book';
import { at, first } from '@/tests/support/lists';
import type { AddressView } from '@/lib/accounts/address-book';
import en from '@/lib/i18n/messages/en.json';

type State = { ok: boolean; fieldErrors?: Record<string, string> } | null;

const actions = vi.hoisted(() => ({
  createAddressAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
  updateAddressAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
  deleteAddressAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
  setDefaultAddressAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
}));
vi.mock('@/lib/actions/account', () => actions);
const refresh = vi.hoisted(() => vi.fn());
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

const countries = [{ code: 'GB', name: 'United Kingdom' }];
const address = (id: number, fullName: string, isDefault = false): AddressView => ({
  id,
  fullName,
  line1: `${id} Harbour Street`,
  line2: null,
  city: 'Portsmouth',
  region: null,
  postalCode: 'PO1 1AA',
  country: 'GB',
  phone: null,
  isDefault,
});
const book = [address(1, 'Ada Lovelace', true), address(2, 'Charles Babbage')];

function renderBook(view?: React.ComponentProps<typeof AddressBook>['view']) {
  return render(
    <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
      <AddressBook addresses={book} countries={countries} maxAddresses={10} view={view} />
    </NextIntlClientProvider>,
  );
}

beforeEach(() => {
  for (const action of Object.values(actions)) action.mockReset();
  refresh.mockReset();
});

describe('AddressBook', () => {
  it('opens its forms from links that also work without JavaScript (the page with that part open)', () => {
    renderBook();
    const add = screen.getByRole('link', { name: 'Add an address' });
    expect(add.getAttribute('href')).toBe('?add=1');
    const edit = screen.getByRole('link', { name: 'Edit the address of Charles Babbage' });
    expect(edit.getAttribute('href')).toBe('?edit=2');
    expect(screen.getByRole('link', { name: 'Delete the address of Charles Babbage' }).getAttribute('href')).toBe(
      '?delete=2',
    );
    // With JavaScript, in place.
    fireEvent.click(edit);
    expect(screen.getByRole('heading', { name: 'Edit the address' })).toBeTruthy();
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Charles Babbage');
  });

  it('renders the part the page was opened with', () => {
    renderBook({ adding: true, editing: null, deleting: 2 });
    expect(screen.getByRole('heading', { name: 'New address' })).toBeTruthy();
    const card = at(screen.getAllByRole('listitem'), 1);
    expect(within(card).getByText('Delete this address?')).toBeTruthy();
  });

  it('deletes and makes default through forms sending the address id, then refreshes the page', async () => {
    actions.setDefaultAddressAction.mockResolvedValueOnce({ ok: true });
    renderBook();
    fireEvent.click(screen.getByRole('button', { name: 'Make the address of Charles Babbage the default' }));
    await screen.findByText('That is now your default address.');
    expect(Object.fromEntries(first(actions.setDefaultAddressAction.mock.calls)[1])).toEqual({ id: '2' });

    let finish!: (state: State) => void;
    actions.deleteAddressAction.mockReturnValueOnce(new Promise<State>((resolve) => (finish = resolve)));
    fireEvent.click(screen.getByRole('link', { name: 'Delete the address of Charles Babbage' }));
    const yes = screen.getByRole('button', { name: 'Yes, delete it' });
    fireEvent.click(yes);
    await waitFor(() => expect(yes.getAttribute('aria-busy')).toBe('true'));
    expect(Object.fromEntries(first(actions.deleteAddressAction.mock.calls)[1])).toEqual({ id: '2' });
    await act(async () => finish({ ok: true }));
    await screen.findByText('The address has been deleted.');
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});

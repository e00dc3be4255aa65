import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RentalListItem, RentalList } from '@/components/account/rental-list';
import { type WaitlistPlaceItem, WaitlistPlaces } from '@/components/account/waitlist-places';
import { Providers } from '@/components/providers';
import { RentOffer } from '@/components/store/rent-offer';
import { type Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import { deferred } from '@/tests/support/deferred';
import { first } from '@/tests/support/lists';

type Result = { ok: true; quantity: number; capped: boolean } | { ok: false; error: string };

const actions = vi.hoisted(() => ({
  addRentalToCartAction: vi.fn<(previous: unknown, formData: FormData) => Promise<Result>>(),
}));
vi.mock('@/lib/actions/cart', () => actions);
type WaitResult = { ok: true } | { ok: false; error: string };
const waitlistActions = vi.hoisted(() => ({
  joinRentalWaitlistAction: vi.fn<(previous: unknown, formData: FormData) => Promise<WaitResult>>(),
  leaveRentalWaitlistAction: vi.fn<(previous: unknown, formData: FormData) => Promise<WaitResult>>(),
}));
vi.mock('@/lib/actions/rental-waitlist', () => waitlistActions);
const refreshCart = vi.hoisted(() => vi.fn());
vi.mock('@/components/store/use-cart', () => ({ useRefreshCart: () => refreshCart }));

/** What /api/v1/products/{slug}/rentals answers with: the free copies, the line, the shopper's place. */
let freeCopies: number;
let waiting: number;
let wait: 'available' | 'shortWait' | 'longWait';
let place: { id: number; status: 'waiting' | 'offered'; position: number | null; holdUntil: string | null } | null;
let signedIn: boolean;

beforeEach(() => {
  actions.addRentalToCartAction.mockReset();
  waitlistActions.joinRentalWaitlistAction.mockReset();
  waitlistActions.leaveRentalWaitlistAction.mockReset();
  refreshCart.mockReset();
  freeCopies = 3;
  waiting = 0;
  wait = 'available';
  place = null;
  signedIn = false;
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      Response.json({
        signedIn,
        holdHours: 24,
        timeZone: 'Europe/Berlin',
        editions: [{ editionId: 42, freeCopies, waiting, wait, place }],
      }),
    ),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderStore(ui: React.ReactNode, locale: Locale = 'en') {
  return render(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      <Providers currency="USD">{ui}</Providers>
    </NextIntlClientProvider>,
  );
}

const offer = (
  <RentOffer
    editionId={42}
    slug="night-drive"
    periods={[
      { days: 7, fee: '$4.99' },
      { days: 14, fee: '$9.98' },
    ]}
    deposit="$29.99"
    lateFee="$0.72"
  />
);

describe('RentOffer', () => {
  it('shows the fee of the chosen period, the deposit, the late fee and the free copies', async () => {
    renderStore(
      <>
        <h3 id="edition-42">Blu-ray</h3>
        {offer}
      </>,
    );
    const form = screen.getByRole('form', { name: 'Rent Blu-ray' });
    const periods = within(form).getByRole('group', { name: 'Rental period' });
    expect(within(periods).getByRole('radio', { name: '7 days · $4.99' })).toHaveProperty('checked', true);
    expect(within(form).getByText('Fee for 7 days').nextElementSibling?.textContent).toBe('$4.99');
    expect(form.textContent).toContain('$29.99');
    expect(form.textContent).toContain('Refunded when you return it, minus late fees.');
    expect(form.textContent).toContain('$0.72 a day');
    await within(form).findByText('3 copies free');
    expect(fetch).toHaveBeenCalledWith('/api/v1/products/night-drive/rentals', { cache: 'no-store' });

    fireEvent.click(within(periods).getByRole('radio', { name: '14 days · $9.98' }));
    expect(within(form).getByText('Fee for 14 days').nextElementSibling?.textContent).toBe('$9.98');
    expect(within(form).getByRole('button', { name: 'Rent for 14 days' })).toHaveProperty('disabled', false);
  });

  it('posts the edition and the chosen period, then says it is in the cart and refreshes the cart', async () => {
    const answer = deferred<Result>();
    actions.addRentalToCartAction.mockReturnValueOnce(answer.promise);
    renderStore(offer);
    fireEvent.click(screen.getByRole('radio', { name: '14 days · $9.98' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rent for 14 days' }));
    await screen.findByRole('button', { name: 'Adding…' });
    expect(Object.fromEntries(first(actions.addRentalToCartAction.mock.calls)[1])).toEqual({
      editionId: '42',
      periodDays: '14',
    });
    await act(async () => answer.resolve({ ok: true, quantity: 1, capped: false }));
    const status = within(screen.getByRole('form', { name: 'Rent' })).getByRole('status');
    expect(status.textContent).toContain('Rental added to your cart.');
    expect(within(status).getByRole('link', { name: 'View cart' }).getAttribute('href')).toBe('/cart');
    await waitFor(() => expect(refreshCart).toHaveBeenCalledTimes(1));
  });

  it('says why a rental could not be added, in words', async () => {
    actions.addRentalToCartAction.mockResolvedValueOnce({ ok: false, error: 'noCopyFree' });
    renderStore(offer);
    fireEvent.click(screen.getByRole('button', { name: 'Rent for 7 days' }));
    await screen.findByText('Sorry, all copies are out right now.');
    actions.addRentalToCartAction.mockResolvedValueOnce({ ok: false, error: 'rateLimited' });
    fireEvent.click(screen.getByRole('button', { name: 'Rent for 7 days' }));
    await screen.findByText('The rental could not be added. Please try again.');
    expect(refreshCart).not.toHaveBeenCalled();
  });

  it('cannot be sent when every copy is out', async () => {
    freeCopies = 0;
    wait = 'longWait';
    renderStore(offer);
    await screen.findByText('All copies are out right now');
    expect(screen.getByRole('button', { name: 'Rent for 7 days' })).toHaveProperty('disabled', true);
  });

  it('shows the wait when no copy is free, and lets a signed-in shopper join the line', async () => {
    freeCopies = 0;
    waiting = 1;
    wait = 'shortWait';
    signedIn = true;
    waitlistActions.joinRentalWaitlistAction.mockResolvedValueOnce({ ok: true });
    renderStore(offer);
    await screen.findByText('Short wait');
    expect(screen.getByText('1 person in line.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rent for 7 days' })).toHaveProperty('disabled', true);
    const join = screen.getByRole('form', { name: 'Join the waitlist' });
    expect(join.textContent).toContain('the first in line gets a mail and 24 hours to rent it');
    // Joined: the availability is read again and shows the place.
    place = { id: 7, status: 'waiting', position: 2, holdUntil: null };
    fireEvent.click(within(join).getByRole('button', { name: 'Join the waitlist' }));
    await screen.findByText('You are number 2 in line.');
    expect(Object.fromEntries(first(waitlistActions.joinRentalWaitlistAction.mock.calls)[1])).toEqual({
      editionId: '42',
    });
    expect(screen.queryByRole('form', { name: 'Join the waitlist' })).toBeNull();
  });

  it('says why joining failed, in words', async () => {
    freeCopies = 0;
    wait = 'longWait';
    signedIn = true;
    waitlistActions.joinRentalWaitlistAction.mockResolvedValueOnce({ ok: false, error: 'copy_free' });
    renderStore(offer);
    await screen.findByText('Long wait');
    fireEvent.click(screen.getByRole('button', { name: 'Join the waitlist' }));
    await screen.findByText('A copy is free right now: you can rent it straight away.');
  });

  it('asks a signed-out shopper to sign in to join', async () => {
    freeCopies = 0;
    wait = 'longWait';
    renderStore(offer);
    const link = await screen.findByRole('link', { name: 'Sign in to join the waitlist' });
    expect(link.getAttribute('href')).toBe('/login?next=%2Fproducts%2Fnight-drive');
    expect(screen.queryByRole('button', { name: 'Join the waitlist' })).toBeNull();
  });

  it('lets the shopper a copy is held for rent it, and says until when', async () => {
    freeCopies = 0;
    wait = 'shortWait';
    signedIn = true;
    place = { id: 7, status: 'offered', position: null, holdUntil: '2026-03-02T16:30:00.000Z' };
    renderStore(offer);
    await screen.findByText(/A copy is held for you until Mar 2, 2026, 5:30/);
    expect(screen.getByRole('button', { name: 'Rent for 7 days' })).toHaveProperty('disabled', false);
    expect(screen.queryByRole('button', { name: 'Join the waitlist' })).toBeNull();
    expect(screen.queryByText('All copies are out right now')).toBeNull();
  });

  it('speaks Chinese', async () => {
    renderStore(offer, 'zh');
    expect(screen.getByRole('group', { name: '租期' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '租 7 天' })).toBeTruthy();
    await screen.findByText('有 3 张空闲');
  });
});

const rental = (
  id: number,
  state: RentalListItem['state'],
  orderNumber: string | null = 'EN-1001',
  tracking: RentalListItem['tracking'] = null,
): RentalListItem => ({
  id,
  title: `Night Drive ${id}`,
  slug: 'night-drive',
  edition: 'Blu-ray',
  orderNumber,
  periodDays: 7,
  fee: '$4.99',
  deposit: '$29.99',
  tracking,
  state,
});

function renderList(items: RentalListItem[], locale: Locale = 'en') {
  return render(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      <RentalList items={items} />
    </NextIntlClientProvider>,
  );
}

describe('RentalList', () => {
  it('shows each rental with its status, due date, late fee or refund, order link and how to return it', () => {
    renderList([
      rental(1, { kind: 'awaitingDispatch' }),
      rental(2, { kind: 'out', dueDate: 'March 9, 2026', daysLeft: 4 }),
      rental(3, { kind: 'overdue', dueDate: 'March 9, 2026', daysLate: 2, lateFee: '$1.44', perDay: '$0.72' }),
      rental(4, { kind: 'returned', lateFee: '$0.00', refund: '$29.99', damage: null }),
      rental(5, { kind: 'cancelled' }, null),
      rental(6, { kind: 'awaitingPayment' }),
    ]);
    const item = (id: number) => screen.getByRole('listitem', { name: new RegExp(`Night Drive ${id}`) });
    expect(item(1).textContent).toContain('Awaiting dispatch');
    expect(item(1).textContent).toContain('The 7 days start the day we send it.');
    expect(item(2).textContent).toContain('Due back by March 9, 2026 · 4 days left.');
    expect(item(2).textContent).toContain('post the disc back to us');
    expect(item(2).textContent).not.toContain('Sent with');
    expect(item(3).textContent).toContain('Overdue');
    expect(item(3).textContent).toContain('2 days late.');
    expect(item(3).textContent).toContain('Late fee so far: $1.44 ($0.72 a day, never more than the deposit).');
    expect(item(4).textContent).toContain('Late fee kept: $0.00. Deposit refunded: $29.99.');
    expect(item(4).textContent).not.toContain('post the disc back');
    expect(item(5).textContent).toContain('Cancelled');
    expect(item(6).textContent).toContain('Awaiting payment');
    expect(item(6).textContent).toContain('We hold a copy for you while the order waits for payment.');
    expect(within(item(5)).queryByRole('link', { name: /Order/ })).toBeNull();
    expect(within(item(2)).getByRole('link', { name: 'Order EN-1001' }).getAttribute('href')).toBe('/orders/EN-1001');
    expect(within(item(2)).getByRole('link', { name: 'Night Drive 2' }).getAttribute('href')).toBe(
      '/products/night-drive',
    );
    expect(item(2).textContent).toContain('7 days · fee $4.99 · deposit $29.99');
  });

  it('says when there is nothing yet, with a way to the shop', () => {
    renderList([]);
    expect(screen.getByText(/You have not rented anything yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start browsing' }).getAttribute('href')).toBe('/');
  });

  it('speaks Chinese', () => {
    renderList([rental(2, { kind: 'out', dueDate: '2026年3月9日', daysLeft: 0 })], 'zh');
    expect(screen.getByText('租借中')).toBeTruthy();
    expect(screen.getByText(/请于 2026年3月9日 前归还 · 今天到期。/)).toBeTruthy();
  });
});

const waitPlace = (id: number, over: Partial<WaitlistPlaceItem> = {}): WaitlistPlaceItem => ({
  id,
  title: `Night Drive ${id}`,
  slug: 'night-drive',
  edition: 'Blu-ray',
  status: 'waiting',
  position: 3,
  holdUntil: null,
  ...over,
});

describe('WaitlistPlaces', () => {
  const renderPlaces = (items: WaitlistPlaceItem[], locale: Locale = 'en') =>
    render(
      <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
        <WaitlistPlaces items={items} />
      </NextIntlClientProvider>,
    );

  it('shows each place with its number in line or its hold, and leaves one', async () => {
    waitlistActions.leaveRentalWaitlistAction.mockResolvedValueOnce({ ok: true });
    renderPlaces([
      waitPlace(1),
      waitPlace(2, { status: 'offered', position: null, holdUntil: 'Mar 2, 2026, 5:30 PM' }),
    ]);
    const section = screen.getByRole('region', { name: 'Waitlist' });
    const item = (id: number) => within(section).getByRole('listitem', { name: new RegExp(`Night Drive ${id}`) });
    expect(item(1).textContent).toContain('Waiting');
    expect(item(1).textContent).toContain('Number 3 in line');
    expect(item(2).textContent).toContain('Copy held for you');
    expect(item(2).textContent).toContain('Held until Mar 2, 2026, 5:30 PM.');
    expect(within(item(2)).getByRole('link', { name: 'Rent it' }).getAttribute('href')).toBe('/products/night-drive');
    fireEvent.click(within(item(1)).getByRole('button', { name: 'Leave' }));
    await within(item(1)).findByText('You left the line.');
    expect(Object.fromEntries(first(waitlistActions.leaveRentalWaitlistAction.mock.calls)[1])).toEqual({
      entryId: '1',
    });
  });

  it('says when the shopper waits for nothing, and speaks Chinese', () => {
    renderPlaces([]);
    expect(screen.getByText('You are not waiting for any title.')).toBeTruthy();
    renderPlaces([waitPlace(4)], 'zh');
    expect(screen.getByText('排在第 3 位')).toBeTruthy();
  });
});

describe('RentalList tracking', () => {
  it('links the tracking number of a rental sent with a carrier to its page', () => {
    renderList([
      rental(7, { kind: 'out', dueDate: 'March 9, 2026', daysLeft: 4 }, 'EN-1001', {
        carrier: 'Royal Mail',
        number: 'AB123456789GB',
        url: 'https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB',
      }),
    ]);
    expect(screen.getByText(/Sent with Royal Mail, tracking number/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'AB123456789GB' }).getAttribute('href')).toContain('AB123456789GB');
  });
});

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '@/components/providers';
import { WishlistGrid } from '@/components/wishlist/wishlist-grid';
import { WishlistToggle } from '@/components/wishlist/wishlist-toggle';
import { MESSAGES } from '@/lib/i18n/messages';
import type { WishlistActionResult, WishlistEntry } from '@/lib/wishlist/types';
import { at, first } from '@/tests/support/lists';

const actions = vi.hoisted(() => ({
  addToWishlistAction: vi.fn<(productId: unknown) => Promise<WishlistActionResult>>(),
  removeFromWishlistAction: vi.fn<(productId: unknown) => Promise<WishlistActionResult>>(),
}));
vi.mock('@/lib/actions/wishlist', () => actions);
vi.mock('next/navigation', () => ({ usePathname: () => '/products/neon-harbour' }));

/** The server's wishlist, as /api/v1/wishlist answers it. */
let server: { signedIn: boolean; productIds: number[] };

beforeEach(() => {
  server = { signedIn: true, productIds: [] };
  actions.addToWishlistAction.mockReset().mockImplementation(async (id) => {
    server.productIds = [Number(id), ...server.productIds];
    return { ok: true, wished: true };
  });
  actions.removeFromWishlistAction.mockReset().mockImplementation(async (id) => {
    server.productIds = server.productIds.filter((p) => p !== id);
    return { ok: true, wished: false };
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json(server)),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderStore(ui: React.ReactNode) {
  return render(
    <NextIntlClientProvider locale="en" messages={MESSAGES.en} timeZone="UTC">
      <Providers currency="USD">{ui}</Providers>
    </NextIntlClientProvider>,
  );
}

const entry = (overrides: Partial<WishlistEntry>): WishlistEntry => ({
  productId: 1,
  slug: 'neon-harbour',
  kind: 'album',
  title: 'Neon Harbour',
  originalTitle: null,
  credit: 'The Tides',
  coverUrl: null,
  fromPriceMinor: 1500,
  priceSeenMinor: 2000,
  availability: 'in_stock',
  addedAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});

describe('WishlistToggle', () => {
  it('links visitors to sign-in, back to the product page', async () => {
    server = { signedIn: false, productIds: [] };
    renderStore(<WishlistToggle productId={1} />);
    const link = await screen.findByRole('link', { name: 'Sign in to save to your wishlist' });
    expect(link.getAttribute('href')).toBe('/login?next=%2Fproducts%2Fneon-harbour');
  });

  it('toggles with aria-pressed, announcing the outcome, and both toggles of a product agree', async () => {
    renderStore(
      <>
        <WishlistToggle productId={1} />
        <WishlistToggle productId={1} />
      </>,
    );
    const buttons = await screen.findAllByRole('button', { name: 'Save to wishlist' });
    const [button, twin] = [at(buttons, 0), at(buttons, 1)];
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await act(async () => fireEvent.click(button));
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    expect(twin.getAttribute('aria-pressed')).toBe('true');
    expect(actions.addToWishlistAction).toHaveBeenCalledWith(1);
    await waitFor(() => expect(first(screen.getAllByRole('status')).textContent).toContain('Saved to your wishlist.'));

    await act(async () => fireEvent.click(button));
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    expect(actions.removeFromWishlistAction).toHaveBeenCalledWith(1);
  });

  it('puts the toggle back and says why when the server refuses', async () => {
    actions.addToWishlistAction.mockResolvedValueOnce({ ok: false, error: 'wishlistFull' });
    renderStore(<WishlistToggle productId={1} />);
    const button = await screen.findByRole('button', { name: 'Save to wishlist' });
    await act(async () => fireEvent.click(button));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Your wishlist is full. Remove something first.'),
    );
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('WishlistGrid', () => {
  it('shows price, drop and availability, and removes an item', async () => {
    server = { signedIn: true, productIds: [1, 2] };
    renderStore(
      <WishlistGrid
        entries={[
          entry({}),
          entry({ productId: 2, slug: 'gone', title: 'Gone', availability: 'unavailable', fromPriceMinor: null }),
        ]}
      />,
    );
    expect(screen.getByText('2 products')).toBeTruthy();
    expect(screen.getByText('from $15.00')).toBeTruthy();
    expect(screen.getByText('$5.00 less than when you saved it')).toBeTruthy();
    expect(screen.getByText('In stock')).toBeTruthy();
    expect(screen.getByText('No longer available')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Neon Harbour' }).getAttribute('href')).toBe('/products/neon-harbour');
    expect(screen.queryByRole('link', { name: 'Gone' })).toBeNull();

    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Remove Neon Harbour from your wishlist' })),
    );
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Neon Harbour' })).toBeNull());
    expect(actions.removeFromWishlistAction).toHaveBeenCalledWith(1);
    expect(screen.getByText('1 product')).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Remove Gone from your wishlist' })));
    expect(await screen.findByText('Your wishlist is empty.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Browse the store' })).toBeTruthy();
  });

  it('has an empty state', () => {
    renderStore(<WishlistGrid entries={[]} />);
    expect(screen.getByText('Your wishlist is empty.')).toBeTruthy();
  });
});

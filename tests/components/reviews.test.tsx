import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewList } from '@/components/reviews/review-list';
import { ReviewForm } from '@/components/reviews/review-form';
import { ReviewsFeed } from '@/components/reviews/reviews-feed';
import { MESSAGES } from '@/lib/i18n/messages';
import type { ReviewView } from '@/lib/reviews/types';
import { at, first } from '@/tests/support/lists';

type State =
  { ok: true; review: unknown; created: boolean } | { ok: false; fieldErrors: Record<string, string> } | null;

const actions = vi.hoisted(() => ({
  saveReviewAction: vi.fn<(previous: State, formData: FormData) => Promise<State>>(),
  deleteReviewAction: vi.fn(),
}));
vi.mock('@/lib/actions/reviews', () => actions);

function renderWithMessages(ui: React.ReactNode, locale: 'en' | 'zh' = 'en') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
        {ui}
      </NextIntlClientProvider>
    </QueryClientProvider>,
  );
}

const review = (overrides: Partial<ReviewView>): ReviewView => ({
  id: 1,
  rating: 4,
  title: 'A title',
  body: 'A body',
  author: 'Ada',
  verifiedPurchase: false,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});

function mockFetch(routes: Record<string, unknown>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const match = Object.keys(routes).find((prefix) => url.startsWith(prefix));
    if (!match) return new Response('not found', { status: 404 });
    return Response.json(routes[match]);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

beforeEach(() => {
  actions.saveReviewAction.mockReset();
  actions.deleteReviewAction.mockReset();
});
afterEach(() => vi.unstubAllGlobals());

describe('ReviewList', () => {
  it('renders hostile text as text: no script, no image, no handler, newlines kept by CSS', () => {
    const hostile = '<script>alert(1)</script>\n<img src=x onerror="alert(2)">';
    const { container } = renderWithMessages(
      <ReviewList
        reviews={[
          review({ id: 1, title: '<b onmouseover=alert(3)>bold</b>', body: hostile, author: '<i>Mallory</i>' }),
          review({ id: 2, rating: 5, title: null, body: 'Line one\nLine two', author: null, verifiedPurchase: true }),
        ]}
      />,
    );
    expect(container.querySelector('script, img, b, i')).toBeNull();
    expect(container.innerHTML).not.toContain('<img');
    expect(container.innerHTML).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const first = screen.getByRole('article', { name: '<b onmouseover=alert(3)>bold</b>' });
    expect(within(first).getByText(/<script>alert\(1\)<\/script>/).textContent).toBe(hostile);
    expect(within(first).getByText('<i>Mallory</i>')).toBeTruthy();

    const second = screen.getByRole('article', { name: 'Review by Deleted account' });
    expect(within(second).getByText('Deleted account')).toBeTruthy();
    expect(within(second).getByText('Verified purchase')).toBeTruthy();
    expect(within(second).getByRole('img', { name: '5 out of 5 stars' })).toBeTruthy();
    const body = within(second).getByText(/Line one/);
    expect(body.textContent).toBe('Line one\nLine two');
    expect(body.className).toContain('whitespace-pre-line');
    expect(within(first).getByRole('img', { name: '4 out of 5 stars' })).toBeTruthy();
    expect(within(first).queryByText('Verified purchase')).toBeNull();
    expect(screen.getByRole('list', { name: 'Reviews, newest first' })).toBeTruthy();
  });

  it('shows the date in the reader’s language, and "edited" after a later change', () => {
    renderWithMessages(<ReviewList reviews={[review({ updatedAt: '2026-03-05T10:00:00.000Z' })]} />, 'zh');
    expect(screen.getByText('2026年3月1日')).toBeTruthy();
    expect(screen.getByText('(已编辑)')).toBeTruthy();
    expect(screen.getByRole('img', { name: '4 星（满分 5 星）' })).toBeTruthy();
  });
});

describe('ReviewsFeed', () => {
  it('loads the next page on "Show more", skipping reviews already shown, and focuses the first new one', async () => {
    const fetchMock = mockFetch({
      '/api/v1/reviews?productId=7&page=2': {
        items: [review({ id: 2, title: 'Second' }), review({ id: 3, title: 'Third' })],
        page: 2,
        hasMore: false,
      },
    });
    renderWithMessages(
      <ReviewsFeed
        productId={7}
        initial={{ items: [review({ id: 1 }), review({ id: 2, title: 'Second' })], page: 1, hasMore: true }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show more reviews' }));
    await screen.findByRole('article', { name: 'Third' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.getAllByRole('article')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Show more reviews' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Showing 3 reviews');
    await waitFor(() => expect(document.activeElement?.id).toBe('review-3'));
  });

  it('says so when the next page cannot be loaded, and lets the shopper try again', async () => {
    mockFetch({});
    renderWithMessages(<ReviewsFeed productId={7} initial={{ items: [review({})], page: 1, hasMore: true }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show more reviews' }));
    expect((await screen.findByRole('alert')).textContent).toBe('More reviews could not be loaded. Try again.');
    expect(screen.getByRole('button', { name: 'Show more reviews' })).toBeTruthy();
  });
});

describe('ReviewForm', () => {
  it('asks visitors to sign in, coming back to the product', async () => {
    mockFetch({ '/api/v1/reviews/mine?productId=7': { signedIn: false, review: null } });
    renderWithMessages(<ReviewForm productId={7} slug="neon-harbour" />);
    const link = await screen.findByRole('link', { name: 'Sign in to write a review' });
    expect(link.getAttribute('href')).toBe('/login?next=%2Fproducts%2Fneon-harbour');
  });

  it('offers five keyboard-reachable stars, shows errors beside their fields, then the published review', async () => {
    mockFetch({ '/api/v1/reviews/mine?productId=7': { signedIn: true, review: null } });
    renderWithMessages(<ReviewForm productId={7} slug="neon-harbour" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Write a review' }));

    const group = screen.getByRole('group', { name: 'Your rating' });
    const stars = within(group).getAllByRole('radio');
    expect(stars.map((radio) => radio.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5']);
    expect(within(group).getByRole('radio', { name: '4 stars' })).toBeTruthy();
    expect(within(group).getByRole('radio', { name: '1 star' })).toBeTruthy();

    actions.saveReviewAction.mockResolvedValueOnce({
      ok: false,
      fieldErrors: { rating: 'ratingRequired', body: 'bodyTooLong' },
    });
    fireEvent.change(screen.getByLabelText('Your review'), { target: { value: 'So <good>' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Publish review' })));
    expect(group.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(group.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Choose a rating from 1 to 5 stars.',
    );
    const body = screen.getByLabelText('Your review');
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect((body as HTMLTextAreaElement).value).toBe('So <good>');
    expect(
      body
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toContain('The review can be at most 5,000 characters.');

    const saved = {
      rating: 4,
      title: null,
      body: 'So <good>',
      verifiedPurchase: true,
      hidden: false,
      updatedAt: '2026-03-01T10:00:00.000Z',
    };
    actions.saveReviewAction.mockResolvedValueOnce({ ok: true, review: saved, created: true });
    fireEvent.click(within(group).getByRole('radio', { name: '4 stars' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Publish review' })));
    const sent = at(actions.saveReviewAction.mock.calls, 1)[1];
    expect(Object.fromEntries(sent.entries())).toMatchObject({ productId: '7', rating: '4', body: 'So <good>' });
    expect((await screen.findByRole('status')).textContent).toBe('Thank you! Your review is published.');
    expect(screen.getByText('You rated it 4 out of 5 stars.')).toBeTruthy();
    expect(screen.getByText('It is marked as a verified purchase.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit your review' })).toBeTruthy();
  });

  it('shows the pending state while saving and tells the author when moderators hid their review', async () => {
    const mine = {
      rating: 2,
      title: 'Meh',
      body: 'Not for me',
      verifiedPurchase: false,
      hidden: true,
      updatedAt: '2026-03-01T10:00:00.000Z',
    };
    mockFetch({ '/api/v1/reviews/mine?productId=7': { signedIn: true, review: mine } });
    renderWithMessages(<ReviewForm productId={7} slug="neon-harbour" />);
    expect(await screen.findByText(/Our moderators have hidden this review/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit your review' }));
    expect((screen.getByLabelText('Title (optional)') as HTMLInputElement).value).toBe('Meh');
    expect((screen.getByRole('radio', { name: '2 stars' }) as HTMLInputElement).checked).toBe(true);

    let finish!: (state: State) => void;
    actions.saveReviewAction.mockReturnValueOnce(new Promise<State>((resolve) => (finish = resolve)));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const pending = await screen.findByRole('button', { name: 'Saving…' });
    expect(pending.hasAttribute('disabled')).toBe(true);
    await act(async () => finish({ ok: false, fieldErrors: { form: 'throttled' } }));
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
      'You have changed many reviews in a short time. Try again in an hour.',
    );
    expect(screen.getByRole('button', { name: 'Save changes' }).hasAttribute('disabled')).toBe(false);
  });

  it('deletes the review through its own form after a confirmation, and says why when it cannot', async () => {
    const mine = {
      id: 9,
      rating: 5,
      title: 'Great',
      body: 'Loved it',
      verifiedPurchase: false,
      hidden: false,
      updatedAt: '2026-03-01T10:00:00.000Z',
    };
    mockFetch({ '/api/v1/reviews/mine?productId=7': { signedIn: true, review: mine } });
    renderWithMessages(<ReviewForm productId={7} slug="neon-harbour" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit your review' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete my review' }));
    const confirm = screen.getByRole('group', { name: 'Delete your review for good?' });
    expect(confirm.tagName).toBe('FORM');
    expect(confirm.closest('form')).toBe(confirm); // not inside the review's form

    actions.deleteReviewAction.mockResolvedValueOnce({ ok: false, fieldErrors: { form: 'reviewNotFound' } });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, delete it' }));
    await waitFor(() => expect(actions.deleteReviewAction).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(first(actions.deleteReviewAction.mock.calls)[1] as FormData)).toEqual({ productId: '7' });
    await screen.findByText('You have no review of this product.');

    actions.deleteReviewAction.mockResolvedValueOnce({ ok: true });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, delete it' }));
    await screen.findByText('Your review was deleted.');
  });
});

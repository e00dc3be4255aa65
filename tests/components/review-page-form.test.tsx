import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewPageForm } from '@/components/reviews/review-page-form';
import { MESSAGES } from '@/lib/i18n/messages';
import type { OwnReview } from '@/lib/reviews/types';

vi.mock('@/lib/actions/reviews', () => ({ saveReviewAction: vi.fn(), deleteReviewAction: vi.fn() }));
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

const own: OwnReview = {
  rating: 4,
  title: 'Quiet and bright',
  body: 'Played it twice.',
  verifiedPurchase: true,
  hidden: false,
  updatedAt: '2026-03-01T10:00:00.000Z',
};
const PATH = '/account/reviews/neon-harbour';
type Props = Partial<React.ComponentProps<typeof ReviewPageForm>>;
const page = (props: Props = {}) => (
  <NextIntlClientProvider locale="en" messages={MESSAGES.en} timeZone="UTC">
    <ReviewPageForm
      productId={1}
      review={own}
      pagePath={PATH}
      confirmDelete={false}
      saved={null}
      deleted={false}
      {...props}
    />
  </NextIntlClientProvider>
);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the review on its own page (the way to review without JavaScript)', () => {
  it('says what the form posted without JavaScript did, in the HTML the server sends', () => {
    document.body.innerHTML = renderToStaticMarkup(page({ saved: { ok: true, review: own, created: true } }));
    expect(screen.getByRole('status').textContent).toBe('Thank you! Your review is published.');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeTruthy();
    // "Delete" is a link to the page with the confirmation open.
    expect(screen.getByRole('link', { name: 'Delete my review' }).getAttribute('href')).toBe(`${PATH}?delete=1`);
    document.body.innerHTML = renderToStaticMarkup(page({ review: null, deleted: true }));
    expect(screen.getByRole('status').textContent).toBe('Your review was deleted.');
    expect(screen.getByRole('button', { name: 'Publish review' })).toBeTruthy();
  });

  it('opens with the confirmation from ?delete, whose Cancel is a link back', () => {
    document.body.innerHTML = renderToStaticMarkup(page({ confirmDelete: true }));
    expect(screen.getByRole('button', { name: 'Yes, delete it' }).getAttribute('type')).toBe('submit');
    expect(screen.getByRole('link', { name: 'Cancel' }).getAttribute('href')).toBe(PATH);
  });

  it('with JavaScript, a review that the refreshed page no longer has was deleted: a new, empty form under the notice', () => {
    const { rerender } = render(page());
    expect(screen.queryByRole('status')).toBeNull();
    rerender(page({ review: null }));
    expect(screen.getByRole('status').textContent).toBe('Your review was deleted.');
    expect(screen.getByRole('button', { name: 'Publish review' })).toBeTruthy();
    expect((screen.getByLabelText('Title (optional)') as HTMLInputElement).value).toBe('');
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewVisibilityButton } from '@/components/admin/reviews/review-visibility-button';
import type { ReviewActionState } from '@/lib/admin/reviews/validation';
import { deferred } from '@/tests/support/deferred';
import { renderWithMessages } from '@/tests/support/intl';
import { first } from '@/tests/support/lists';

const actions = vi.hoisted(() => ({
  hideReviewAction: vi.fn<(previous: ReviewActionState, formData: FormData) => Promise<ReviewActionState>>(),
  showReviewAction: vi.fn<(previous: ReviewActionState, formData: FormData) => Promise<ReviewActionState>>(),
}));
vi.mock('@/lib/actions/admin/reviews', () => actions);
const refresh = vi.hoisted(() => vi.fn());
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

beforeEach(() => {
  for (const action of Object.values(actions)) action.mockReset();
  refresh.mockReset();
});

describe('ReviewVisibilityButton', () => {
  it('hides a visible review through its form: pending, then the outcome and a refresh', async () => {
    const answer = deferred<ReviewActionState>();
    actions.hideReviewAction.mockReturnValueOnce(answer.promise);
    renderWithMessages(<ReviewVisibilityButton reviewId={7} status="visible" label="Hide the review by Ada" />);
    const button = screen.getByRole('button', { name: 'Hide the review by Ada' });
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'), { timeout: 5000 });
    expect(first(actions.hideReviewAction.mock.calls)[1].get('reviewId')).toBe('7');
    expect(actions.showReviewAction).not.toHaveBeenCalled();

    await act(async () => answer.resolve({ ok: true, message: 'hidden' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Hidden from the product page.'), {
      timeout: 5000,
    });
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('shows a hidden review, and names a refusal in Chinese without refreshing', async () => {
    actions.showReviewAction.mockResolvedValueOnce({ ok: false, error: 'forbidden' });
    renderWithMessages(<ReviewVisibilityButton reviewId={8} status="hidden" label="显示该评价" />, 'zh');
    fireEvent.click(screen.getByRole('button', { name: '显示该评价' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('只有管理员可以执行此操作。'), {
      timeout: 5000,
    });
    expect(actions.hideReviewAction).not.toHaveBeenCalled();
    expect(refresh).not.toHaveBeenCalled();
  });
});

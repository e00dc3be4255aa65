'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/auth/use-form-action';
import { Button } from '@/components/ui/button';
import { hideReviewAction, showReviewAction } from '@/lib/actions/admin/reviews';

/**
 * Hide or show one review. Reversible, so it acts at once (no confirmation step); the result is
 * announced and the list refreshes from the server.
 */
export function ReviewVisibilityButton({
  reviewId,
  status,
  label,
}: {
  reviewId: number;
  status: 'visible' | 'hidden';
  label: string;
}) {
  const t = useTranslations('admin.reviews');
  const router = useRouter();
  const { state, pending, onSubmit } = useFormAction(status === 'hidden' ? showReviewAction : hideReviewAction, () =>
    router.refresh(),
  );
  const errorKey =
    state && !state.ok ? ('error' in state ? state.error : (Object.values(state.fieldErrors)[0] ?? '')) : null;
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-1">
      <input type="hidden" name="reviewId" value={reviewId} />
      <Button
        type="submit"
        variant={status === 'hidden' ? 'primary' : 'secondary'}
        pending={pending}
        aria-label={label}
      >
        {t(status === 'hidden' ? 'show' : 'hide')}
      </Button>
      <p role="status" className="text-xs font-medium text-emerald-800">
        {state?.ok ? t(`done.${state.message}`) : null}
      </p>
      <p role="alert" className="text-xs font-medium text-brand-700">
        {errorKey === null ? null : t.has(`errors.${errorKey}`) ? t(`errors.${errorKey}`) : t('errors.unexpected')}
      </p>
    </form>
  );
}

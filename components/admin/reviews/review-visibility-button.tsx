'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { hideReviewAction, showReviewAction } from '@/lib/actions/admin/reviews';

/**
 * Hide or show one review. Reversible, so it acts at once (no confirmation step); the result is
 * announced and the list refreshes from the server. A form on useActionState.
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
  const { state, form } = useActionForm(status === 'hidden' ? showReviewAction : hideReviewAction, {
    onSuccess: () => router.refresh(),
  });
  const errorKey =
    state && !state.ok ? ('error' in state ? state.error : (Object.values(state.fieldErrors)[0] ?? '')) : null;
  return (
    <form {...form} className="flex flex-col items-end gap-1">
      <input type="hidden" name="reviewId" value={reviewId} />
      <SubmitButton variant={status === 'hidden' ? 'primary' : 'secondary'} aria-label={label}>
        {t(status === 'hidden' ? 'show' : 'hide')}
      </SubmitButton>
      <p role="status" className="text-xs font-medium text-emerald-800">
        {state?.ok ? t(`done.${state.message}`) : null}
      </p>
      <p role="alert" className="text-xs font-medium text-brand-700">
        {errorKey === null ? null : t.has(`errors.${errorKey}`) ? t(`errors.${errorKey}`) : t('errors.unexpected')}
      </p>
    </form>
  );
}

'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useAdminFlash } from '@/components/admin/admin-flash';
import { Button } from '@/components/ui/button';
import { dispatchRentalAction } from '@/lib/actions/admin/rentals';
import { LOCALE_TAGS, toLocale } from '@/lib/i18n/config';
import { formatLocalDate } from '@/lib/rentals/local-days';
import { useDeskAction } from './use-desk-action';

/**
 * "Mark dispatched" on a rental waiting to be sent: the period starts now, and the page says by when
 * the copy is due back (the rental then moves to the "Out" list, due date and all).
 */
export function DispatchButton({ rentalId, label }: { rentalId: number; label: string }) {
  const t = useTranslations('admin.rentals.dispatch');
  const flash = useAdminFlash();
  const tag = LOCALE_TAGS[toLocale(useLocale())];
  const desk = useDeskAction(dispatchRentalAction, (answer) => {
    if (answer.ok) flash(t('done', { title: label, due: answer.dueDate ? formatLocalDate(answer.dueDate, tag) : '—' }));
  });
  return (
    <form onSubmit={desk.onSubmit} className="flex flex-col items-end gap-1">
      <input type="hidden" name="rentalId" value={rentalId} />
      <Button type="submit" variant="secondary" pending={desk.pending} aria-label={t('submitFor', { title: label })}>
        {t('submit')}
      </Button>
      <p role="alert" className="text-xs font-medium text-brand-700">
        {desk.formError()}
      </p>
    </form>
  );
}

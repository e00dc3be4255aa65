'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useAdminFlash } from '@/components/admin/admin-flash';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { markRentalLostAction } from '@/lib/actions/admin/rental-keep';
import { minorToInput } from '@/lib/admin/orders/amount';
import { LOCALE_TAGS, toLocale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';
import { useDeskAction } from './use-desk-action';

/**
 * "Mark lost" on a rental that is out: behind a disclosure, the charge for the copy (prefilled with
 * what the late fee so far leaves of the deposit, the most it can be) and a confirm button. The late fee
 * is kept, the charge taken, the rest of the deposit refunded (lib/rentals/lost.ts); the rental then
 * leaves the list.
 */
export function LostForm({
  rentalId,
  title,
  code,
  currency,
  depositMinor,
  lateFeeSoFarMinor,
}: {
  rentalId: number;
  title: string;
  code: string;
  currency: string;
  depositMinor: number;
  lateFeeSoFarMinor: number;
}) {
  const t = useTranslations('RentalKeep.desk');
  const flash = useAdminFlash();
  const tag = LOCALE_TAGS[toLocale(useLocale())];
  const money = (minor: number) => formatMoney(minor, currency, tag);
  const max = Math.max(0, depositMinor - lateFeeSoFarMinor);
  const desk = useDeskAction(markRentalLostAction, (answer) => {
    if (!answer.ok) return;
    const amount = 'amountMinor' in answer.refund ? money(answer.refund.amountMinor) : '';
    flash(
      `${t('done', { title, code, charge: money(answer.chargeMinor), lateFee: money(answer.lateFeeMinor) })} ${t(
        `refund.${answer.refund.status}`,
        { amount },
      )}`,
    );
  });
  return (
    <details className="text-left">
      <summary className="cursor-pointer text-sm font-medium text-brand-700" aria-label={t('lostFor', { title, code })}>
        {t('lost')}
      </summary>
      <form onSubmit={desk.onSubmit} noValidate className="mt-2 w-64 space-y-2">
        <input type="hidden" name="rentalId" value={rentalId} />
        <Field
          label={t('charge')}
          name="charge"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={minorToInput(max, currency)}
          hint={t('chargeHint', { deposit: money(depositMinor), max: money(max) })}
          error={desk.fieldError('charge')}
        />
        <p className="text-xs text-stone-600">{t('confirmNote')}</p>
        <Button type="submit" variant="danger" pending={desk.pending}>
          {t('confirm')}
        </Button>
        <p role="alert" className="text-xs font-medium text-brand-700">
          {desk.formError()}
        </p>
      </form>
    </details>
  );
}

'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { type CheckInResult, checkInAction } from '@/lib/actions/admin/rentals';
import { LOCALE_TAGS, toLocale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';
import { useDeskAction } from './use-desk-action';

/**
 * The desk's check-in box: one field for the copy's code, focused on arrival, submitted with Enter
 * (a barcode scanner types the code and presses Enter), and an optional damage charge. After each
 * check-in the field is empty and focused again for the next disc; the answer stays beside it: the
 * title, days late, the late fee kept, the damage charged and the deposit refunded — or why the code
 * was refused (nothing changed then, and the code stays selected to scan again).
 */
export function CheckInForm() {
  const t = useTranslations('admin.rentals.checkIn');
  const desk = useDeskAction(checkInAction, (answer, form) => {
    const code = form.elements.namedItem('code') as HTMLInputElement;
    if (answer.ok) {
      form.reset();
      code.focus();
    } else {
      code.select();
    }
  });
  const result = desk.answer;
  return (
    <form onSubmit={desk.onSubmit} noValidate aria-label={t('title')} className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <Field
          label={t('code')}
          name="code"
          // The desk opens on this field: a scanner's code goes straight in.
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="done"
          maxLength={64}
          hint={t('codeHint')}
          error={desk.fieldError('code')}
          className="grow sm:max-w-xs"
        />
        <Field
          label={t('damage')}
          name="damage"
          inputMode="decimal"
          autoComplete="off"
          hint={t('damageHint')}
          error={desk.fieldError('damage')}
          className="w-40"
        />
        <Button type="submit" pending={desk.pending} className="mb-5">
          {t('submit')}
        </Button>
      </div>
      <CheckInOutcome result={result} refused={refusedText(result, desk.formError(), t)} />
    </form>
  );
}

/** The desk's refusals of a code (nothing changed); any other error is shown as it is. */
const CODE_REFUSALS = ['unknown_code', 'not_out', 'already_returned'];

function refusedText(
  result: CheckInResult | null,
  error: string | null,
  t: ReturnType<typeof useTranslations<'admin.rentals.checkIn'>>,
): string | null {
  if (!error || !result || result.ok) return error;
  return CODE_REFUSALS.includes(result.error) ? t('refused', { reason: error }) : error;
}

/** The answer of the last check-in: what was taken back and what happened to the deposit, or the refusal. */
function CheckInOutcome({ result, refused }: { result: CheckInResult | null; refused: string | null }) {
  const t = useTranslations('admin.rentals.checkIn');
  const tag = LOCALE_TAGS[toLocale(useLocale())];
  return (
    <>
      <p role="alert" className="text-sm font-medium text-brand-700">
        {refused}
      </p>
      <div role="status" aria-live="polite">
        {result?.ok && (
          <div className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-950">
            <p className="font-semibold">
              {t('done', { title: result.productTitle, code: result.code })}
              {result.editionName ? ` · ${result.editionName}` : ''}
            </p>
            <ul className="mt-1 space-y-0.5">
              <li>{result.daysLate > 0 ? t('daysLate', { days: result.daysLate }) : t('onTime')}</li>
              {result.lateFeeMinor > 0 && (
                <li>{t('lateFeeKept', { amount: formatMoney(result.lateFeeMinor, result.currency, tag) })}</li>
              )}
              {result.damageChargeMinor > 0 && (
                <li>{t('damageKept', { amount: formatMoney(result.damageChargeMinor, result.currency, tag) })}</li>
              )}
              <li>{refundText(result, t, tag)}</li>
              <li>{t('checkCopy')}</li>
            </ul>
          </div>
        )}
      </div>
    </>
  );
}

function refundText(
  result: Extract<CheckInResult, { ok: true }>,
  t: ReturnType<typeof useTranslations<'admin.rentals.checkIn'>>,
  tag: string,
): string {
  const { refund } = result;
  if (refund.status === 'none') return result.orderNumber ? t('refund.none') : t('refund.noOrder');
  const amount = formatMoney(refund.amountMinor, result.currency, tag);
  const order = result.orderNumber ?? '';
  return t(`refund.${refund.status}`, { amount, order });
}

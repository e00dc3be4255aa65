'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useAdminFlash } from '@/components/admin/admin-flash';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { dispatchRentalAction } from '@/lib/actions/admin/rentals';
import { LOCALE_TAGS, toLocale } from '@/lib/i18n/config';
import { CARRIER_CODES } from '@/lib/orders/carriers';
import { formatLocalDate } from '@/lib/rentals/local-days';
import { useDeskAction } from './use-desk-action';

/**
 * Dispatching a rental waiting to be sent: the copy put in the parcel (the held one filled in; scan
 * another free copy of the edition to send that one instead), the carrier and tracking number when
 * there is one, and "Mark dispatched". The period starts now, and the page says by when the copy is due
 * back (the rental then moves to the "Out" list, due date and all).
 */
export function DispatchForm({ rentalId, code, label }: { rentalId: number; code: string; label: string }) {
  const t = useTranslations('admin.rentals.dispatch');
  const carriers = useTranslations('admin.orders.carriers');
  const flash = useAdminFlash();
  const tag = LOCALE_TAGS[toLocale(useLocale())];
  const [carrier, setCarrier] = useState('');
  const desk = useDeskAction(dispatchRentalAction, (answer) => {
    if (answer.ok) flash(t('done', { title: label, due: answer.dueDate ? formatLocalDate(answer.dueDate, tag) : '—' }));
  });
  return (
    <form
      onSubmit={desk.onSubmit}
      noValidate
      aria-label={t('submitFor', { title: label })}
      className="flex flex-wrap items-end justify-end gap-2 text-left"
    >
      <input type="hidden" name="rentalId" value={rentalId} />
      <Field
        label={t('copy')}
        name="copyCode"
        defaultValue={code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={64}
        error={desk.fieldError('copyCode')}
        className="w-52"
      />
      <SelectField
        label={t('carrier')}
        name="carrier"
        value={carrier}
        onChange={(event) => setCarrier(event.target.value)}
        error={desk.fieldError('carrier')}
        className="w-36"
      >
        <option value="">{t('noCarrier')}</option>
        {CARRIER_CODES.map((option) => (
          <option key={option} value={option}>
            {carriers(option)}
          </option>
        ))}
      </SelectField>
      {carrier === 'other' && (
        <Field
          label={t('carrierName')}
          name="carrierName"
          maxLength={60}
          error={desk.fieldError('carrierName')}
          className="w-36"
        />
      )}
      {carrier !== '' && (
        <Field
          label={t('trackingNumber')}
          name="trackingNumber"
          autoComplete="off"
          spellCheck={false}
          maxLength={60}
          error={desk.fieldError('trackingNumber')}
          className="w-44"
        />
      )}
      <Button type="submit" variant="secondary" pending={desk.pending} aria-label={t('submitFor', { title: label })}>
        {t('submit')}
      </Button>
      <p role="alert" className="w-full text-right text-xs font-medium text-brand-700">
        {desk.formError()}
      </p>
    </form>
  );
}

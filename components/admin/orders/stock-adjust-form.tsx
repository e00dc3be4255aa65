'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, SelectField, TextareaField } from '@/components/ui/field';
import { adjustStockAction } from '@/lib/actions/admin/stock';
import { ADJUST_REASONS } from '@/lib/admin/stock/validation';
import { FormStatus } from './form-parts';
import { useAdminForm } from './use-admin-form';

/**
 * Adjusts an edition's stock by a signed amount ("+12" restock, "-2" damaged, either way for a
 * correction with a note). The change is applied on top of the stock at the moment it is saved, so
 * sales made while the form was open are kept.
 */
export function StockAdjustForm({ editionId }: { editionId: number }) {
  const t = useTranslations('admin.stock');
  const form = useAdminForm(adjustStockAction, { reset: true });
  const [reason, setReason] = useState<(typeof ADJUST_REASONS)[number]>('restock');
  return (
    <form onSubmit={form.onSubmit} noValidate className="max-w-md space-y-3" aria-label={t('adjust.title')}>
      <input type="hidden" name="editionId" value={editionId} />
      <SelectField
        label={t('adjust.reason')}
        name="reason"
        value={reason}
        onChange={(event) => setReason(event.target.value as (typeof ADJUST_REASONS)[number])}
        error={form.fieldError('reason')}
        options={ADJUST_REASONS.map((code) => ({ value: code, label: t(`reasons.${code}`) }))}
      />
      <Field
        label={t('adjust.delta')}
        name="delta"
        inputMode="numeric"
        autoComplete="off"
        placeholder={reason === 'damaged' ? '-1' : '+1'}
        hint={t(`adjust.deltaHint.${reason}`)}
        error={form.fieldError('delta')}
      />
      <TextareaField
        label={reason === 'correction' ? t('adjust.noteRequired') : t('adjust.note')}
        name="note"
        rows={2}
        maxLength={500}
        required={reason === 'correction'}
        error={form.fieldError('note')}
      />
      <FormStatus error={form.formError} success={form.succeeded ? t('adjust.done') : null} />
      <Button type="submit" pending={form.pending}>
        {t('adjust.submit')}
      </Button>
    </form>
  );
}

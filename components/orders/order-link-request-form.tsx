'use client';

import { useTranslations } from 'next-intl';
import { useFormAction } from '@/components/auth/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { requestOrderLinkAction } from '@/lib/actions/orders';

/**
 * Asks for a new order link by mail: the order number is the page's, the shopper types the address
 * the order was placed with. The answer is the same whether or not they match.
 */
export function OrderLinkRequestForm({ number }: { number: string }) {
  const t = useTranslations('orders.link');
  const { state, pending, onSubmit, errors } = useFormAction(requestOrderLinkAction);
  if (state?.ok) {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900">
        {t('sent', { number })}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      <input type="hidden" name="number" value={number} />
      <Field
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        error={errors.email ? t(`errors.${errors.email}`) : null}
      />
      <p role="alert" aria-live="assertive" className="min-h-5 text-sm font-medium text-brand-700">
        {errors.form ? t(`errors.${errors.form}`) : null}
      </p>
      <Button type="submit" pending={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}

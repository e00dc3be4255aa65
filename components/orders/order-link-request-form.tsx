'use client';

import { useTranslations } from 'next-intl';
import { EmailField } from '@/components/ui/field';
import { DoneNotice, FormError } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { type OrderLinkState, requestOrderLinkAction } from '@/lib/actions/orders';

/**
 * Asks for a new order link by mail: the order number is the page's, the shopper types the address
 * the order was placed with. The answer is the same whether or not they match. A form on
 * useActionState, so it works without JavaScript too (`initial`: the answer to the form posted
 * without it, lib/http/form-result.ts).
 */
export function OrderLinkRequestForm({ number, initial = null }: { number: string; initial?: OrderLinkState }) {
  const t = useTranslations('orders.link');
  const { state, errors, form } = useActionForm(requestOrderLinkAction, { initial });
  const error = (field: string) => (errors[field] ? t(`errors.${errors[field]}`) : null);
  if (state?.ok) return <DoneNotice>{t('sent', { number })}</DoneNotice>;
  return (
    <form {...form} className="max-w-md space-y-4" noValidate>
      <input type="hidden" name="number" value={number} />
      <EmailField label={t('email')} name="email" error={error('email')} />
      <FormError>{error('form')}</FormError>
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}

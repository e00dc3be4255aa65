'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/ui/confirm';
import { FormError } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import type { OrderActionResult } from '@/lib/orders/mutations';
import { cancelOrderAction, declineDemoOrderAction, payDemoOrderAction, payOrderNowAction } from '@/lib/actions/orders';

type Props = { number: string; orderKey: string };

/**
 * One order action as a form (the order's number and key as fields), so it works without JavaScript:
 * the action redirects, or the page comes back with the error. A result without a redirect (a
 * cancellation) refreshes the page when JavaScript runs.
 */
function OrderActionForm({
  action,
  number,
  orderKey,
  children,
  ...button
}: Props & {
  action: (previous: unknown, formData: FormData) => Promise<OrderActionResult>;
  children: React.ReactNode;
} & Pick<React.ComponentProps<typeof SubmitButton>, 'variant' | 'pendingLabel'>) {
  const t = useTranslations('orders');
  const router = useRouter();
  const { state, form } = useActionForm(action, { onSuccess: () => router.refresh() });
  return (
    <form {...form}>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="key" value={orderKey} />
      <SubmitButton {...button}>{children}</SubmitButton>
      {state?.ok === false && <FormError className="mt-2">{t(`errors.${state.error}`)}</FormError>}
    </form>
  );
}

/** The demo payment page's two buttons. */
export function DemoPayButtons({ number, orderKey, totalLabel }: Props & { totalLabel: string }) {
  const t = useTranslations('pay');
  return (
    <div className="flex flex-wrap items-start gap-3">
      <OrderActionForm action={payDemoOrderAction} number={number} orderKey={orderKey}>
        {t('pay', { total: totalLabel })}
      </OrderActionForm>
      <OrderActionForm action={declineDemoOrderAction} number={number} orderKey={orderKey} variant="secondary">
        {t('decline')}
      </OrderActionForm>
    </div>
  );
}

/** "Pay now" for an order whose payment has not happened yet. */
export function PayNowButton({ number, orderKey }: Props) {
  const t = useTranslations('orders');
  return (
    <OrderActionForm action={payOrderNowAction} number={number} orderKey={orderKey}>
      {t('payNow')}
    </OrderActionForm>
  );
}

/** Cancel an order before it ships, after a confirmation step (the confirmation needs JavaScript). */
export function CancelOrderButton({ number, orderKey, paid }: Props & { paid: boolean }) {
  const t = useTranslations('orders');
  const router = useRouter();
  const { state, form, pending } = useActionForm(cancelOrderAction, { onSuccess: () => router.refresh() });
  return (
    <form {...form}>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="key" value={orderKey} />
      <ConfirmButton
        trigger={t('cancelOrder')}
        label={t('cancelOrder')}
        question={paid ? t('cancelPaidConfirm') : t('cancelConfirm')}
        confirm={t('confirmCancel')}
        confirmVariant="danger"
        cancel={t('keepOrder')}
        pending={pending}
        className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm"
      >
        {state?.ok === false && <FormError>{t(`errors.${state.error}`)}</FormError>}
      </ConfirmButton>
    </form>
  );
}

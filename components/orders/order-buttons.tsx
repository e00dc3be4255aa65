'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm';
import { cancelOrderAction, declineDemoOrderAction, payDemoOrderAction, payOrderNowAction } from '@/lib/actions/orders';

type Props = { number: string; orderKey: string };

function useOrderAction() {
  const t = useTranslations('orders');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<{ ok: boolean; error?: string } | undefined>) =>
    startTransition(async () => {
      const result = await action();
      if (result && !result.ok) setError(t(`errors.${result.error}`));
      else router.refresh();
    });
  return { pending, error, run };
}

/** The demo payment page's two buttons. */
export function DemoPayButtons({ number, orderKey, totalLabel }: Props & { totalLabel: string }) {
  const t = useTranslations('pay');
  const { pending, error, run } = useOrderAction();
  return (
    <div>
      <div className="flex flex-wrap gap-3">
        <Button type="button" pending={pending} onClick={() => run(() => payDemoOrderAction(number, orderKey))}>
          {t('pay', { total: totalLabel })}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => run(() => declineDemoOrderAction(number, orderKey))}
        >
          {t('decline')}
        </Button>
      </div>
      <p role="alert" className="mt-2 min-h-5 text-sm text-brand-700">
        {error}
      </p>
    </div>
  );
}

/** "Pay now" for an order whose payment has not happened yet. */
export function PayNowButton({ number, orderKey }: Props) {
  const t = useTranslations('orders');
  const { pending, error, run } = useOrderAction();
  return (
    <div>
      <Button type="button" pending={pending} onClick={() => run(() => payOrderNowAction(number, orderKey))}>
        {t('payNow')}
      </Button>
      {error && (
        <p role="alert" className="mt-1 text-sm text-brand-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** Cancel an order before it ships, after a confirmation step. */
export function CancelOrderButton({ number, orderKey, paid }: Props & { paid: boolean }) {
  const t = useTranslations('orders');
  const { pending, error, run } = useOrderAction();
  return (
    <ConfirmButton
      trigger={t('cancelOrder')}
      label={t('cancelOrder')}
      question={paid ? t('cancelPaidConfirm') : t('cancelConfirm')}
      confirm={t('confirmCancel')}
      confirmVariant="danger"
      cancel={t('keepOrder')}
      pending={pending}
      onConfirm={() => run(() => cancelOrderAction(number, orderKey))}
      className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm"
    >
      {error && (
        <p role="alert" className="text-brand-700">
          {error}
        </p>
      )}
    </ConfirmButton>
  );
}

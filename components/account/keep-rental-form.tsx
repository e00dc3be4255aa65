'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessages } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { keepRentalAction, type KeepRentalState } from '@/lib/actions/rentals';

/** The amounts of "Keep it" for one out rental, formatted (lib/rentals/keep-quote.ts). */
export type KeepOfferView = {
  price: string;
  sale: string;
  fee: string;
  /** The late fee so far, when there is one. */
  lateFee: string | null;
  fromDeposit: string;
  refund: string;
  /** What the deposit left does not cover: paid on the payment page before the copy is kept. */
  toPay: string | null;
  /** The quote shown, in minor units: posted back, so that the shop keeps the copy at this price only. */
  priceMinor: number;
  lateFeeMinor: number;
};

/**
 * "Keep it for …" on an out rental (/account/rentals): the breakdown and a confirm button behind a
 * disclosure (a `<details>`, so it opens and posts without JavaScript too). After it is kept the page
 * is refreshed: the rental then shows as the shopper's to keep. With a shortfall to pay, the action
 * sends the shopper on to the payment page instead.
 */
export function KeepRentalForm({
  rentalId,
  title,
  offer,
  initial,
}: {
  rentalId: number;
  title: string;
  offer: KeepOfferView;
  initial?: KeepRentalState | null;
}) {
  const t = useTranslations('RentalKeep');
  const router = useRouter();
  const { state, form } = useActionForm(keepRentalAction, {
    initial: initial ?? undefined,
    onSuccess: () => router.refresh(),
  });
  // A new quote (the sale price or the late fee changed since the page was shown): show it, to confirm again.
  const quoteChanged = state?.ok === false && state.error === 'quote_changed';
  useEffect(() => {
    if (quoteChanged) router.refresh();
  }, [quoteChanged, state, router]);
  const error =
    state && !state.ok ? (t.has(`errors.${state.error}`) ? t(`errors.${state.error}`) : t('errors.unexpected')) : null;
  const rows: [string, string][] = [
    [t('offer.price'), offer.price],
    ...(offer.lateFee ? ([[t('offer.lateFee'), offer.lateFee]] as [string, string][]) : []),
    [t('offer.fromDeposit'), offer.fromDeposit],
    offer.toPay ? [t('offer.toPay'), offer.toPay] : [t('offer.refund'), offer.refund],
  ];
  return (
    <details className="mt-3 rounded-md border border-stone-200 p-3" open={Boolean(error)}>
      <summary className="cursor-pointer font-medium text-brand-700">
        {t('offer.summary', { price: offer.price })}
      </summary>
      <p className="mt-2 text-stone-600">{t('offer.explain', { sale: offer.sale, fee: offer.fee })}</p>
      <p className="mt-1 text-stone-600">{offer.toPay ? t('offer.explainPay') : t('offer.explainRefund')}</p>
      <dl className="mt-2 grid max-w-sm grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd className="text-right tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <form {...form} className="mt-3 space-y-2">
        <input type="hidden" name="rentalId" value={rentalId} />
        <input type="hidden" name="priceMinor" value={offer.priceMinor} />
        <input type="hidden" name="lateFeeMinor" value={offer.lateFeeMinor} />
        <p className="text-stone-600">{t('offer.confirmNote')}</p>
        <SubmitButton
          pendingLabel={t('offer.keeping')}
          aria-label={
            offer.toPay ? t('offer.confirmPayFor', { title, amount: offer.toPay }) : t('offer.confirmFor', { title })
          }
        >
          {offer.toPay ? t('offer.confirmPay', { amount: offer.toPay }) : t('offer.confirm')}
        </SubmitButton>
        <FormMessages error={error} success={state?.ok ? t('done') : null} />
      </form>
    </details>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { FormStatus } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { addRentalToCartAction } from '@/lib/actions/cart';
import { useRefreshCart } from './use-cart';

export type RentOfferProps = {
  editionId: number;
  /** The product's slug: its free copies are read per request (the page is cached). */
  slug: string;
  /** Offered periods, shortest first, with their fees formatted. */
  periods: { days: number; fee: string }[];
  deposit: string;
  lateFee: string;
};

/** Free copies of a product's rentable editions, per request; one fetch for all offers of the page. */
function useFreeCopies(slug: string, editionId: number): number | undefined {
  const { data } = useQuery<{ editions: { editionId: number; freeCopies: number }[] }>({
    queryKey: ['rentals', slug],
    queryFn: async () => {
      const response = await fetch(`/api/v1/products/${slug}/rentals`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`Rental availability: ${response.status}`);
      return response.json();
    },
  });
  if (!data) return undefined;
  return data.editions.find((edition) => edition.editionId === editionId)?.freeCopies ?? 0;
}

/**
 * "Rent" beside "Buy" on an edition: the period (a radio group), the fee of the chosen period, the
 * deposit and the daily late fee, the free copies, and the button that puts the rental in the cart.
 * A form, so it works without JavaScript (the page comes back with the outcome); the free copies are
 * then not shown, and the cart says so when none is free.
 */
export function RentOffer({ editionId, slug, periods, deposit, lateFee }: RentOfferProps) {
  const t = useTranslations('rentals.offer');
  const errors = useTranslations('rentals.errors');
  const refreshCart = useRefreshCart();
  const { state, form } = useActionForm(addRentalToCartAction, { onSuccess: () => void refreshCart() });
  const [chosen, setChosen] = useState(periods[0]?.days);
  const freeCopies = useFreeCopies(slug, editionId);
  const headingId = useId();
  const fee = periods.find((period) => period.days === chosen) ?? periods[0];
  if (!fee) return null;
  const error = state?.ok === false ? state.error : null;

  return (
    // Named "Rent" and the edition's heading (EditionListView's `edition-{id}`), one form per edition.
    <form
      {...form}
      aria-labelledby={`${headingId} edition-${editionId}`}
      className="mt-3 rounded-lg bg-stone-50 p-3 text-sm"
    >
      <input type="hidden" name="editionId" value={editionId} />
      <p id={headingId} className="font-semibold">
        {t('heading')}
      </p>
      <fieldset className="mt-2">
        <legend className="text-xs text-stone-600">{t('period')}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {periods.map((period) => (
            <label
              key={period.days}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md bg-white px-3 ring-1 ring-stone-300 has-[:checked]:ring-2 has-[:checked]:ring-brand-600 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2"
            >
              <input
                type="radio"
                name="periodDays"
                value={period.days}
                defaultChecked={period.days === periods[0]?.days}
                onChange={() => setChosen(period.days)}
                className="accent-brand-600"
              />
              {t('periodOption', { days: period.days, fee: period.fee })}
            </label>
          ))}
        </div>
      </fieldset>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-stone-600">{t('fee', { days: fee.days })}</dt>
        <dd className="font-semibold tabular-nums" aria-live="polite">
          {fee.fee}
        </dd>
        <dt className="text-stone-600">{t('deposit')}</dt>
        <dd>
          <span className="tabular-nums">{deposit}</span>
          <span className="block text-xs text-stone-600">{t('depositNote')}</span>
        </dd>
        <dt className="text-stone-600">{t('lateFee')}</dt>
        <dd className="tabular-nums">{t('perDay', { amount: lateFee })}</dd>
      </dl>
      {freeCopies !== undefined && (
        <p className={`mt-2 text-xs font-medium ${freeCopies > 0 ? 'text-emerald-700' : 'text-stone-600'}`}>
          {freeCopies > 0 ? t('freeCopies', { count: freeCopies }) : t('noCopyFree')}
        </p>
      )}
      <SubmitButton
        variant="secondary"
        disabled={freeCopies === 0}
        pendingLabel={t('adding')}
        className="mt-2 w-full px-4"
      >
        {t('rent', { days: fee.days })}
      </SubmitButton>
      <FormStatus className={`mt-1 min-h-4 text-xs ${error ? 'text-brand-700' : 'text-emerald-700'}`}>
        {state?.ok === true && (
          <>
            {t('added')}{' '}
            <Link href="/cart" className="font-semibold underline">
              {t('viewCart')}
            </Link>
          </>
        )}
        {error && (errors.has(error) ? errors(error) : errors('unexpected'))}
      </FormStatus>
    </form>
  );
}

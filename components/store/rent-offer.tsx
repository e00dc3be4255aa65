'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { FormStatus } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { TextLink } from '@/components/ui/text-link';
import { addRentalToCartAction } from '@/lib/actions/cart';
import { joinRentalWaitlistAction } from '@/lib/actions/rental-waitlist';
import type { WaitLabel } from '@/lib/rentals/wait';
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

/** What /api/v1/products/{slug}/rentals answers for one edition (and the shopper). */
export type RentalAvailability = {
  freeCopies: number;
  waiting: number;
  wait: WaitLabel;
  place: { id: number; status: 'waiting' | 'offered'; position: number | null; holdUntil: string | null } | null;
  signedIn: boolean;
  holdHours: number;
  /** The shop's time zone: the hold's end is shown in it. */
  timeZone: string;
};

type RentalsAnswer = Omit<RentalAvailability, 'freeCopies' | 'waiting' | 'wait' | 'place'> & {
  editions: ({ editionId: number } & Pick<RentalAvailability, 'freeCopies' | 'waiting' | 'wait' | 'place'>)[];
};

/** The free copies, the wait and the shopper's place in line of a product's rentable editions, per request; one fetch for all offers of the page. */
function useRentalAvailability(slug: string, editionId: number): RentalAvailability | undefined {
  const { data } = useQuery<RentalsAnswer>({
    queryKey: ['rentals', slug],
    queryFn: async () => {
      const response = await fetch(`/api/v1/products/${slug}/rentals`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`Rental availability: ${response.status}`);
      return response.json();
    },
  });
  if (!data) return undefined;
  const edition = data.editions.find((e) => e.editionId === editionId);
  return {
    freeCopies: edition?.freeCopies ?? 0,
    waiting: edition?.waiting ?? 0,
    wait: edition?.wait ?? 'longWait',
    place: edition?.place ?? null,
    signedIn: data.signedIn,
    holdHours: data.holdHours,
    timeZone: data.timeZone,
  };
}

/**
 * "Rent" beside "Buy" on an edition: the period (a radio group), the fee of the chosen period, the
 * deposit and the daily late fee, the honest wait (available, short wait, long wait:
 * lib/rentals/wait.ts) with the free copies or the people in line, and the button that puts the
 * rental in the cart — enabled when a copy is free, or held for this shopper by the waitlist. When no
 * copy is free: "Join the waitlist" (signed in; a sign-in link otherwise), or the shopper's number in
 * line. A form, so it works without JavaScript (the page comes back with the outcome); the
 * availability is then not shown, and the cart says so when no copy is free.
 */
export function RentOffer({ editionId, slug, periods, deposit, lateFee }: RentOfferProps) {
  const t = useTranslations('rentals.offer');
  const errors = useTranslations('rentals.errors');
  const refreshCart = useRefreshCart();
  const { state, form } = useActionForm(addRentalToCartAction, { onSuccess: () => void refreshCart() });
  const [chosen, setChosen] = useState(periods[0]?.days);
  const availability = useRentalAvailability(slug, editionId);
  const freeCopies = availability?.freeCopies;
  const held = availability?.place?.status === 'offered';
  const headingId = useId();
  const fee = periods.find((period) => period.days === chosen) ?? periods[0];
  if (!fee) return null;
  const error = state?.ok === false ? state.error : null;

  return (
    <div>
      {/* Named "Rent" and the edition's heading (EditionListView's `edition-{id}`), one form per edition. */}
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
        {availability && <WaitNote availability={availability} />}
        <SubmitButton
          variant="secondary"
          disabled={freeCopies === 0 && !held}
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
      {availability && availability.freeCopies === 0 && !availability.place && (
        <JoinWaitlist editionId={editionId} slug={slug} availability={availability} />
      )}
    </div>
  );
}

/** The wait in words ("Available · 3 copies free", "Short wait · … · 2 people in line") and the shopper's place, or their hold alone. */
function WaitNote({ availability }: { availability: RentalAvailability }) {
  const t = useTranslations('rentals.offer');
  const w = useTranslations('rentalWaitlist');
  const format = useFormatter();
  const { freeCopies, waiting, wait, place } = availability;
  // A copy held for this shopper: that is all they need to know (the line is behind them).
  const held = place?.status === 'offered';
  return (
    <div className="mt-2 text-xs">
      {!held && (
        <p className={`font-medium ${wait === 'available' ? 'text-emerald-700' : 'text-stone-600'}`}>
          <span className="font-semibold">{w(`wait.${wait}`)}</span>
          {' · '}
          <span>{freeCopies > 0 ? t('freeCopies', { count: freeCopies }) : t('noCopyFree')}</span>
          {freeCopies === 0 && (
            <>
              {' · '}
              <span>{w('wait.inLine', { count: waiting })}</span>
            </>
          )}
        </p>
      )}
      {place?.status === 'waiting' && place.position !== null && (
        <p className="mt-1 font-medium text-stone-800">{w('offer.position', { position: place.position })}</p>
      )}
      {place?.status === 'offered' && place.holdUntil && (
        <p className="mt-1 font-medium text-emerald-700">
          {w('offer.held', {
            until: format.dateTime(new Date(place.holdUntil), {
              dateStyle: 'medium',
              timeStyle: 'short',
              timeZone: availability.timeZone,
            }),
          })}
        </p>
      )}
    </div>
  );
}

/** "Join the waitlist" when no copy is free: a form for a signed-in shopper, a sign-in link otherwise. */
function JoinWaitlist({
  editionId,
  slug,
  availability,
}: {
  editionId: number;
  slug: string;
  availability: RentalAvailability;
}) {
  const w = useTranslations('rentalWaitlist');
  const queryClient = useQueryClient();
  const { state, form } = useActionForm(joinRentalWaitlistAction, {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['rentals', slug] }),
  });
  const error = state?.ok === false ? state.error : null;
  const how = <p className="mt-1 text-xs text-stone-600">{w('offer.how', { hours: availability.holdHours })}</p>;
  if (!availability.signedIn) {
    return (
      <div className="mt-2 rounded-lg bg-stone-50 p-3 text-sm">
        <TextLink href={`/login?next=${encodeURIComponent(`/products/${slug}`)}`}>{w('offer.signIn')}</TextLink>
        {how}
      </div>
    );
  }
  return (
    <form {...form} aria-label={w('offer.join')} className="mt-2 rounded-lg bg-stone-50 p-3 text-sm">
      <input type="hidden" name="editionId" value={editionId} />
      <SubmitButton variant="secondary" pendingLabel={w('offer.joining')} className="w-full px-4">
        {w('offer.join')}
      </SubmitButton>
      {how}
      <FormStatus className={`mt-1 min-h-4 text-xs ${error ? 'text-brand-700' : 'text-emerald-700'}`}>
        {state?.ok === true && w('offer.joined')}
        {error && w.has(`errors.${error}`) ? w(`errors.${error}`) : error ? w('errors.unexpected') : null}
      </FormStatus>
    </form>
  );
}

'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FormStatus } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { TextLink } from '@/components/ui/text-link';
import { leaveRentalWaitlistAction } from '@/lib/actions/rental-waitlist';

/** One of the shopper's places in a waitlist, with the hold's end written out (shop time zone). */
export type WaitlistPlaceItem = {
  id: number;
  title: string;
  slug: string;
  /** "Blu-ray · Collector's edition" */
  edition: string;
  status: 'waiting' | 'offered';
  position: number | null;
  holdUntil: string | null;
};

/** /account/rentals' "Waitlist": each title the shopper waits for, their number in line or the hold, and "Leave". */
export function WaitlistPlaces({ items }: { items: WaitlistPlaceItem[] }) {
  const t = useTranslations('rentalWaitlist.account');
  return (
    <section aria-labelledby="waitlist-heading" className="mt-10">
      <h2 id="waitlist-heading" className="text-lg font-bold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t('intro')}</p>
      {items.length === 0 ? (
        <p className="mt-3 text-sm text-stone-600">{t('empty')}</p>
      ) : (
        <Card as="ul" className="mt-4 divide-y divide-stone-200">
          {items.map((item) => (
            <WaitlistPlace key={item.id} item={item} />
          ))}
        </Card>
      )}
    </section>
  );
}

function WaitlistPlace({ item }: { item: WaitlistPlaceItem }) {
  const t = useTranslations('rentalWaitlist.account');
  const errors = useTranslations('rentalWaitlist.errors');
  const { state, form } = useActionForm(leaveRentalWaitlistAction);
  const error = state?.ok === false ? state.error : null;
  return (
    <li aria-labelledby={`waitlist-${item.id}`} className="p-4 text-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`waitlist-${item.id}`} className="font-semibold">
          <Link href={`/products/${item.slug}`} className="hover:underline">
            {item.title}
          </Link>
          <span className="block text-sm font-normal text-stone-600">{item.edition}</span>
        </h3>
        <Badge tone={item.status === 'offered' ? 'success' : 'info'}>{t(`status.${item.status}`)}</Badge>
      </div>
      {item.status === 'waiting' && item.position !== null && (
        <p className="mt-2">{t('position', { position: item.position })}</p>
      )}
      {item.status === 'offered' && item.holdUntil && (
        <p className="mt-2">
          {t('holdUntil', { until: item.holdUntil })} <TextLink href={`/products/${item.slug}`}>{t('rent')}</TextLink>
        </p>
      )}
      <form {...form} className="mt-2 flex flex-wrap items-center gap-3">
        <input type="hidden" name="entryId" value={item.id} />
        <SubmitButton
          variant="secondary"
          pendingLabel={t('leaving')}
          className="px-4"
          aria-describedby={`waitlist-${item.id}`}
        >
          {t('leave')}
        </SubmitButton>
        <FormStatus className={`text-xs ${error ? 'text-brand-700' : 'text-emerald-700'}`}>
          {state?.ok === true && t('left')}
          {error && (errors.has(error) ? errors(error) : errors('unexpected'))}
        </FormStatus>
      </form>
    </li>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form/form-message';
import { requestReturnAction } from '@/lib/actions/orders';

/**
 * Request a return of delivered items: which, how many, and why. `requestKey` (made by the server
 * for each rendering) makes a double submit one request.
 */
export function ReturnForm({
  number,
  orderKey,
  requestKey,
  lines,
}: {
  number: string;
  orderKey: string;
  requestKey: string;
  lines: { id: number; title: string; format: string; returnable: number }[];
}) {
  const t = useTranslations('orders');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {t('requestReturn')}
      </Button>
    );
  }
  return (
    <form
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await requestReturnAction(number, orderKey, formData);
          if (!result.ok)
            setError(t(`errors.${result.fieldErrors ? Object.values(result.fieldErrors)[0] : result.error}`));
          else {
            setOpen(false);
            router.refresh();
          }
        });
      }}
    >
      <input type="hidden" name="requestKey" value={requestKey} />
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('returnWhich')}</legend>
        {lines
          .filter((line) => line.returnable > 0)
          .map((line) => (
            <label key={line.id} className="flex items-center justify-between gap-3 text-sm">
              <span>
                {line.title} <span className="text-stone-500">({line.format})</span>
              </span>
              <select
                name={`qty-${line.id}`}
                defaultValue="0"
                className="rounded-md border border-stone-300 px-2 py-1"
                aria-label={t('returnQuantityOf', { title: line.title })}
              >
                {Array.from({ length: line.returnable + 1 }, (_, n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          ))}
      </fieldset>
      <TextareaField id="return-reason" label={t('returnReason')} name="reason" required maxLength={1000} rows={3} />
      <FormError>{error}</FormError>
      <Button type="submit" pending={pending}>
        {t('sendReturn')}
      </Button>
    </form>
  );
}

'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { addToCartAction } from '@/lib/actions/cart';
import { useRefreshCart } from './use-cart';

/**
 * "Add to cart" for one edition, with the outcome announced (added, limited by stock, sold out). A
 * form, so it works before (or without) JavaScript: the page then comes back with the outcome.
 */
export function AddToCart({
  editionId,
  available,
  preorder,
}: {
  editionId: number;
  available: boolean;
  preorder: boolean;
}) {
  const t = useTranslations('cart');
  const refreshCart = useRefreshCart();
  const { state, form } = useActionForm(addToCartAction, { onSuccess: () => void refreshCart() });

  return (
    <form {...form}>
      <input type="hidden" name="editionId" value={editionId} />
      <input type="hidden" name="quantity" value="1" />
      <SubmitButton disabled={!available} pendingLabel={t('adding')} className="w-full px-4">
        {!available ? t('soldOut') : preorder ? t('preorder') : t('addToCart')}
      </SubmitButton>
      <FormStatus className={`mt-1 min-h-4 text-xs ${state?.ok === false ? 'text-brand-700' : 'text-emerald-700'}`}>
        {state?.ok === true && (
          <>
            {state.capped ? t('addedCapped', { quantity: state.quantity }) : t('added')}{' '}
            <Link href="/cart" className="font-semibold underline">
              {t('viewCart')}
            </Link>
          </>
        )}
        {state?.ok === false && t(`errors.${state.error}`)}
      </FormStatus>
    </form>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormatMoney } from '@/components/providers';
import { AddressFields } from '@/components/account/address-fields';
import { Section } from '@/components/ui/card';
import { CheckboxField, EmailField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import { type CheckoutState, placeOrderAction } from '@/lib/actions/checkout';
import type { Totals } from '@/lib/checkout/pricing';

/** The checkout's cards, and its choices (a saved address, a shipping method), outlined when chosen. */
const SECTION = { className: 'p-5', headingClassName: 'text-lg font-bold' };
const OPTION_CLASS = 'rounded-lg border border-stone-200 p-3 text-sm has-[:checked]:border-stone-900';

export type CheckoutFormProps = {
  checkoutKey: string;
  signedIn: boolean;
  email: string | null;
  needsShipping: boolean;
  addresses: {
    id: number;
    fullName: string;
    line1: string;
    city: string;
    postalCode: string;
    country: string;
    isDefault: boolean;
  }[];
  countries: { code: string; name: string }[];
  shippingOptions: { method: 'standard' | 'express'; priceMinor: number; totals: Totals }[];
  digitalTotals: Totals | null;
  /** A rental line names its period (its total is the fee; its deposit is in the totals). */
  lines: {
    id: number;
    title: string;
    /** The format's name in the shopper's language ("Blu-ray"). */
    format: string;
    quantity: number;
    lineTotalMinor: number;
    rentalPeriodDays: number | null;
  }[];
  /** The answer to the form posted without JavaScript (lib/http/form-result.ts). */
  initial?: CheckoutState;
};

/**
 * The checkout: contact, shipping address (a saved one or a new one), shipping method and the
 * summary. Totals shown here are the server's, per shipping method; the order is priced again on
 * the server when placed. The checkout key makes a double submit one order.
 *
 * A form on useActionState, so an order can be placed without JavaScript: the new-address fields
 * show when "new address" is checked by CSS alone, and the server answers with the payment page or
 * the errors. (Without JavaScript the total shown is the standard shipping's; the order is priced on
 * the server either way.)
 */
export function CheckoutForm(props: CheckoutFormProps) {
  const t = useTranslations('checkout');
  const te = useTranslations('auth.errors');
  const money = useFormatMoney();
  const [method, setMethod] = useState<'standard' | 'express'>('standard');
  const defaultAddress = props.addresses.find((a) => a.isDefault) ?? props.addresses[0];
  const { state, errors, form } = useActionForm(placeOrderAction, { initial: props.initial ?? null });
  const failure = state && !state.ok ? state.error : null;
  const totals = props.needsShipping
    ? props.shippingOptions.find((o) => o.method === method)!.totals
    : props.digitalTotals!;
  const error = (field: string) => (errors[field] ? te(errors[field]) : null);

  return (
    <form {...form} className="grid gap-8 lg:grid-cols-[1fr_22rem]" noValidate>
      <input type="hidden" name="checkoutKey" value={props.checkoutKey} />
      <div className="space-y-8">
        <Section id="contact-heading" title={t('contact')} {...SECTION}>
          {props.signedIn && props.email ? (
            <p className="mt-2 text-sm text-stone-700">{t('confirmationTo', { email: props.email })}</p>
          ) : (
            <EmailField className="mt-3" label={t('email')} name="email" error={error('email')} hint={t('emailHint')} />
          )}
        </Section>

        {props.needsShipping && (
          <Section id="address-heading" title={t('shippingAddress')} {...SECTION} className="group/address p-5">
            {props.addresses.length > 0 && (
              <fieldset className="mt-3 space-y-2">
                <legend className="sr-only">{t('chooseAddress')}</legend>
                {props.addresses.map((address) => (
                  <label key={address.id} className={`flex items-start gap-2 ${OPTION_CLASS}`}>
                    <input
                      type="radio"
                      name="addressId"
                      value={address.id}
                      defaultChecked={address.id === defaultAddress?.id}
                      className="mt-1"
                    />
                    <span>
                      <span className="font-medium">{address.fullName}</span>
                      <span className="block text-stone-600">
                        {[address.line1, address.city, address.postalCode, address.country].join(', ')}
                      </span>
                    </span>
                  </label>
                ))}
                <label className={`flex items-center gap-2 ${OPTION_CLASS}`}>
                  <input type="radio" name="addressId" value="new" />
                  {t('newAddress')}
                </label>
              </fieldset>
            )}
            {/* Shown while "new address" is checked, or when there is no saved address to choose. */}
            <div
              className={`mt-4 gap-4 sm:grid-cols-2 ${
                props.addresses.length > 0 ? 'hidden group-has-[input[value=new]:checked]/address:grid' : 'grid'
              }`}
            >
              <AddressFields messages="checkout" countries={props.countries} error={error} />
              {props.signedIn && (
                <CheckboxField className="sm:col-span-2" label={t('saveAddress')} name="saveAddress" defaultChecked />
              )}
            </div>
          </Section>
        )}

        {props.needsShipping && (
          <Section id="method-heading" title={t('shippingMethod')} {...SECTION}>
            <fieldset className="mt-3 space-y-2">
              <legend className="sr-only">{t('shippingMethod')}</legend>
              {props.shippingOptions.map((option) => (
                <label key={option.method} className={`flex items-center justify-between gap-2 ${OPTION_CLASS}`}>
                  <span className="flex items-center gap-2">
                    <input
                      type="radio"
                      name="shippingMethod"
                      value={option.method}
                      checked={method === option.method}
                      onChange={() => setMethod(option.method)}
                    />
                    <span>
                      <span className="font-medium">{t(`methods.${option.method}`)}</span>
                      <span className="block text-stone-600">{t(`methodTimes.${option.method}`)}</span>
                    </span>
                  </span>
                  <span className="font-semibold tabular-nums">
                    {option.priceMinor === 0 ? t('free') : money(option.priceMinor)}
                  </span>
                </label>
              ))}
            </fieldset>
          </Section>
        )}
      </div>

      <Section as="aside" id="summary-heading" title={t('summary')} {...SECTION} className="h-fit p-5">
        <ul className="mt-3 space-y-2 text-sm">
          {props.lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-2">
              <span>
                {line.title}{' '}
                <span className="text-stone-500">
                  ({line.format}){' '}
                  {line.rentalPeriodDays ? t('rentalLine', { days: line.rentalPeriodDays }) : `× ${line.quantity}`}
                </span>
              </span>
              <span className="tabular-nums">{money(line.lineTotalMinor)}</span>
            </li>
          ))}
        </ul>
        <dl className="mt-4 space-y-1 border-t border-stone-100 pt-3 text-sm">
          <div className="flex justify-between">
            <dt>{t('subtotal')}</dt>
            <dd className="tabular-nums">{money(totals.subtotalMinor)}</dd>
          </div>
          {props.needsShipping && (
            <div className="flex justify-between">
              <dt>{t('shipping')}</dt>
              <dd className="tabular-nums">{totals.shippingMinor === 0 ? t('free') : money(totals.shippingMinor)}</dd>
            </div>
          )}
          {totals.taxMinor > 0 && (
            <div className="flex justify-between">
              <dt>{totals.taxInclusive ? t('includedTax') : t('tax')}</dt>
              <dd className="tabular-nums">{money(totals.taxMinor)}</dd>
            </div>
          )}
          {totals.depositMinor > 0 && (
            <div className="flex justify-between">
              <dt>{t('deposit')}</dt>
              <dd className="tabular-nums">{money(totals.depositMinor)}</dd>
            </div>
          )}
          <div className="flex justify-between pt-2 text-base font-bold">
            <dt>{t('total')}</dt>
            <dd className="tabular-nums">{money(totals.totalMinor)}</dd>
          </div>
        </dl>
        <FormError className="mt-3">{failure ? t(`errors.${failure}`) : null}</FormError>
        <SubmitButton pendingLabel={t('placing')} className="mt-2 w-full">
          {t('placeOrder', { total: money(totals.totalMinor) })}
        </SubmitButton>
        {totals.depositMinor > 0 && <p className="mt-2 text-xs text-stone-500">{t('depositNote')}</p>}
        <p className="mt-2 text-xs text-stone-500">{t('paymentNext')}</p>
      </Section>
    </form>
  );
}

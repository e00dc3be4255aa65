'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormAction } from '@/components/auth/use-form-action';
import { useFormatMoney } from '@/components/providers';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { placeOrderAction } from '@/lib/actions/checkout';

type Totals = {
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  taxInclusive: boolean;
};

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
  lines: { id: number; title: string; format: string; quantity: number; lineTotalMinor: number }[];
};

/**
 * The checkout: contact, shipping address (a saved one or a new one), shipping method and the
 * summary. Totals shown here are the server's, per shipping method; the order is priced again on
 * the server when placed. The checkout key makes a double submit one order.
 */
export function CheckoutForm(props: CheckoutFormProps) {
  const t = useTranslations('checkout');
  const te = useTranslations('auth.errors');
  const money = useFormatMoney();
  const [method, setMethod] = useState<'standard' | 'express'>('standard');
  const defaultAddress = props.addresses.find((a) => a.isDefault) ?? props.addresses[0];
  const [addressChoice, setAddressChoice] = useState<string>(defaultAddress ? String(defaultAddress.id) : 'new');
  const { state, pending, onSubmit, errors } = useFormAction(placeOrderAction);
  const failure = state && !state.ok ? state.error : null;
  const totals = props.needsShipping
    ? props.shippingOptions.find((o) => o.method === method)!.totals
    : props.digitalTotals!;
  const error = (field: string) => (errors[field] ? te(errors[field]) : null);

  return (
    <form onSubmit={onSubmit} className="grid gap-8 lg:grid-cols-[1fr_22rem]" noValidate>
      <input type="hidden" name="checkoutKey" value={props.checkoutKey} />
      <div className="space-y-8">
        <section aria-labelledby="contact-heading" className="rounded-xl border border-stone-200 bg-white p-5">
          <h2 id="contact-heading" className="text-lg font-bold">
            {t('contact')}
          </h2>
          {props.signedIn && props.email ? (
            <p className="mt-2 text-sm text-stone-700">{t('confirmationTo', { email: props.email })}</p>
          ) : (
            <div className="mt-3">
              <Field
                label={t('email')}
                name="email"
                type="email"
                autoComplete="email"
                required
                error={error('email')}
                hint={t('emailHint')}
              />
            </div>
          )}
        </section>

        {props.needsShipping && (
          <section aria-labelledby="address-heading" className="rounded-xl border border-stone-200 bg-white p-5">
            <h2 id="address-heading" className="text-lg font-bold">
              {t('shippingAddress')}
            </h2>
            {props.addresses.length > 0 && (
              <fieldset className="mt-3 space-y-2">
                <legend className="sr-only">{t('chooseAddress')}</legend>
                {props.addresses.map((address) => (
                  <label
                    key={address.id}
                    className="flex items-start gap-2 rounded-lg border border-stone-200 p-3 text-sm has-[:checked]:border-stone-900"
                  >
                    <input
                      type="radio"
                      name="addressId"
                      value={address.id}
                      checked={addressChoice === String(address.id)}
                      onChange={() => setAddressChoice(String(address.id))}
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
                <label className="flex items-center gap-2 rounded-lg border border-stone-200 p-3 text-sm has-[:checked]:border-stone-900">
                  <input
                    type="radio"
                    name="addressId"
                    value="new"
                    checked={addressChoice === 'new'}
                    onChange={() => setAddressChoice('new')}
                  />
                  {t('newAddress')}
                </label>
              </fieldset>
            )}
            {addressChoice === 'new' && (
              <div className="mt-4 grid gap-4 sm:grid-cols-2">
                <Field
                  className="sm:col-span-2"
                  label={t('fullName')}
                  name="fullName"
                  autoComplete="name"
                  required
                  error={error('fullName')}
                />
                <Field
                  className="sm:col-span-2"
                  label={t('line1')}
                  name="line1"
                  autoComplete="address-line1"
                  required
                  error={error('line1')}
                />
                <Field
                  className="sm:col-span-2"
                  label={t('line2')}
                  name="line2"
                  autoComplete="address-line2"
                  error={error('line2')}
                />
                <Field label={t('city')} name="city" autoComplete="address-level2" required error={error('city')} />
                <Field label={t('region')} name="region" autoComplete="address-level1" error={error('region')} />
                <Field
                  label={t('postalCode')}
                  name="postalCode"
                  autoComplete="postal-code"
                  required
                  error={error('postalCode')}
                />
                <div>
                  <label htmlFor="checkout-country" className="block text-sm font-medium text-stone-800">
                    {t('country')}
                  </label>
                  <select
                    id="checkout-country"
                    name="country"
                    autoComplete="country"
                    defaultValue=""
                    required
                    aria-invalid={errors.country ? true : undefined}
                    className="mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm"
                  >
                    <option value="" disabled>
                      {t('chooseCountry')}
                    </option>
                    {props.countries.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                  {errors.country && <p className="mt-1 text-xs font-medium text-brand-700">{te(errors.country)}</p>}
                </div>
                <Field label={t('phone')} name="phone" type="tel" autoComplete="tel" error={error('phone')} />
                {props.signedIn && (
                  <label className="flex items-center gap-2 text-sm sm:col-span-2">
                    <input type="checkbox" name="saveAddress" defaultChecked />
                    {t('saveAddress')}
                  </label>
                )}
              </div>
            )}
          </section>
        )}

        {props.needsShipping && (
          <section aria-labelledby="method-heading" className="rounded-xl border border-stone-200 bg-white p-5">
            <h2 id="method-heading" className="text-lg font-bold">
              {t('shippingMethod')}
            </h2>
            <fieldset className="mt-3 space-y-2">
              <legend className="sr-only">{t('shippingMethod')}</legend>
              {props.shippingOptions.map((option) => (
                <label
                  key={option.method}
                  className="flex items-center justify-between gap-2 rounded-lg border border-stone-200 p-3 text-sm has-[:checked]:border-stone-900"
                >
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
          </section>
        )}
      </div>

      <aside aria-labelledby="summary-heading" className="h-fit rounded-xl border border-stone-200 bg-white p-5">
        <h2 id="summary-heading" className="text-lg font-bold">
          {t('summary')}
        </h2>
        <ul className="mt-3 space-y-2 text-sm">
          {props.lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-2">
              <span>
                {line.title}{' '}
                <span className="text-stone-500">
                  ({line.format}) × {line.quantity}
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
          <div className="flex justify-between pt-2 text-base font-bold">
            <dt>{t('total')}</dt>
            <dd className="tabular-nums">{money(totals.totalMinor)}</dd>
          </div>
        </dl>
        <div role="alert" aria-live="assertive" className="mt-3 min-h-5 text-sm font-medium text-brand-700">
          {failure && failure !== 'invalid'
            ? t(`errors.${failure}`)
            : failure === 'invalid'
              ? t('errors.invalid')
              : null}
        </div>
        <Button type="submit" pending={pending} className="mt-2 w-full">
          {pending ? t('placing') : t('placeOrder', { total: money(totals.totalMinor) })}
        </Button>
        <p className="mt-2 text-xs text-stone-500">{t('paymentNext')}</p>
      </aside>
    </form>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmButton } from '@/components/ui/confirm';
import { Field, SelectField, TextareaField } from '@/components/ui/field';
import {
  addOrderNoteAction,
  cancelOrderAction,
  markOrderDeliveredAction,
  refundOrderAction,
  resolveOrderAction,
  retryOrderRefundsAction,
  shipOrderAction,
} from '@/lib/actions/admin/orders';
import { CARRIER_CODES } from '@/lib/orders/carriers';
import { ActionCard, ActionForm, AmountField, FormStatus } from './form-parts';
import { useAdminForm } from './use-admin-form';

/** The hidden field naming the order every action works on. */
const OrderId = ({ orderId }: { orderId: number }) => <input type="hidden" name="orderId" value={orderId} />;

/** paid → shipped: carrier (with a name for "other") and tracking number. */
export function ShipOrderForm({ orderId }: { orderId: number }) {
  const t = useTranslations('admin.orders');
  const form = useAdminForm(shipOrderAction);
  const [carrier, setCarrier] = useState('');
  return (
    <ActionCard title={t('ship.title')}>
      <ActionForm form={form} hidden={{ orderId }} texts={{ submit: t('ship.submit'), done: t('ship.done') }}>
        <SelectField
          label={t('ship.carrier')}
          name="carrier"
          value={carrier}
          onChange={(event) => setCarrier(event.target.value)}
          error={form.fieldError('carrier')}
        >
          <option value="">{t('ship.chooseCarrier')}</option>
          {CARRIER_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`carriers.${code}`)}
            </option>
          ))}
        </SelectField>
        {carrier === 'other' && (
          <Field
            label={t('ship.carrierName')}
            name="carrierName"
            maxLength={60}
            error={form.fieldError('carrierName')}
          />
        )}
        <Field
          label={t('ship.trackingNumber')}
          name="trackingNumber"
          autoComplete="off"
          spellCheck={false}
          maxLength={60}
          hint={t('ship.trackingHint')}
          error={form.fieldError('trackingNumber')}
        />
      </ActionForm>
    </ActionCard>
  );
}

/** shipped → delivered. */
export function DeliverOrderForm({ orderId }: { orderId: number }) {
  const t = useTranslations('admin.orders');
  const form = useAdminForm(markOrderDeliveredAction);
  return (
    <ActionCard title={t('deliver.title')}>
      <ActionForm form={form} hidden={{ orderId }} texts={{ submit: t('deliver.submit'), done: t('deliver.done') }}>
        <p className="text-sm text-stone-600">{t('deliver.hint')}</p>
      </ActionForm>
    </ActionCard>
  );
}

/** Cancel (with a confirmation step): unpaid orders, or paid ones before they ship (full refund). */
export function CancelOrderForm({
  orderId,
  paid,
  refundLabel,
}: {
  orderId: number;
  paid: boolean;
  refundLabel: string;
}) {
  const t = useTranslations('admin.orders');
  const form = useAdminForm(cancelOrderAction);
  return (
    <ActionCard title={t('cancel.title')}>
      <p className="text-sm text-stone-600">
        {paid ? t('cancel.paidHint', { amount: refundLabel }) : t('cancel.unpaidHint')}
      </p>
      <form onSubmit={form.onSubmit} className="mt-3 space-y-3" aria-label={t('cancel.title')}>
        <OrderId orderId={orderId} />
        <ConfirmButton
          trigger={t('cancel.start')}
          question={t('cancel.confirm')}
          confirm={t('cancel.submit')}
          confirmVariant="danger"
          cancel={t('cancel.keep')}
          pending={form.pending}
        >
          <FormStatus error={form.formError} success={form.succeeded ? t('cancel.done') : null} />
        </ConfirmButton>
      </form>
    </ActionCard>
  );
}

/** Refund part or all of what is left, in the order's currency. */
export function RefundOrderForm({
  orderId,
  refundableLabel,
  defaultAmount,
  currency,
  fullRefundHint,
}: {
  orderId: number;
  refundableLabel: string;
  defaultAmount: string;
  currency: string;
  fullRefundHint: string | null;
}) {
  const t = useTranslations('admin.orders');
  const form = useAdminForm(refundOrderAction, { reset: true });
  return (
    <ActionCard title={t('refund.title')}>
      <ActionForm
        form={form}
        hidden={{ orderId }}
        texts={{ submit: t('refund.submit'), done: t('refund.done') }}
        variant="danger"
      >
        <p className="text-sm text-stone-600">{t('refund.left', { amount: refundableLabel })}</p>
        <AmountField
          label={t('refund.amount', { currency })}
          defaultValue={defaultAmount}
          hint={fullRefundHint ?? undefined}
          error={form.fieldError('amount')}
        />
        <TextareaField
          label={t('refund.reason')}
          name="reason"
          rows={2}
          maxLength={500}
          hint={t('refund.reasonHint')}
          error={form.fieldError('reason')}
        />
      </ActionForm>
    </ActionCard>
  );
}

/** Sends refunds the provider refused again (same idempotency keys, so never twice). */
export function RetryRefundsForm({ orderId }: { orderId: number }) {
  const t = useTranslations('admin.orders');
  const form = useAdminForm(retryOrderRefundsAction);
  return (
    <form onSubmit={form.onSubmit} className="space-y-2">
      <OrderId orderId={orderId} />
      <Button type="submit" variant="secondary" pending={form.pending}>
        {t('refunds.retry')}
      </Button>
      <FormStatus error={form.formError} success={form.succeeded ? t('refunds.retried') : null} />
    </form>
  );
}

/** A staff-only note on the timeline. */
export function OrderNoteForm({ orderId }: { orderId: number }) {
  const t = useTranslations('admin.orders');
  const form = useAdminForm(addOrderNoteAction, { reset: true });
  return (
    <ActionForm
      form={form}
      hidden={{ orderId }}
      texts={{ submit: t('note.submit'), done: t('note.done') }}
      variant="secondary"
      className="space-y-2"
    >
      <TextareaField
        label={t('note.label')}
        name="note"
        rows={3}
        maxLength={2000}
        hint={t('note.hint')}
        error={form.fieldError('note')}
      />
    </ActionForm>
  );
}

/** An order waiting for review: mark it paid after checking, or cancel it and refund what was paid. */
export function ResolveOrderForms({
  orderId,
  canMarkPaid,
  canCancel,
  defaultAmount,
  currency,
}: {
  orderId: number;
  canMarkPaid: boolean;
  /** False while a refund waits for the provider: retrying it (under Payment) comes first. */
  canCancel: boolean;
  defaultAmount: string;
  currency: string;
}) {
  const t = useTranslations('admin.orders');
  const paid = useAdminForm(resolveOrderAction);
  const cancel = useAdminForm(resolveOrderAction);
  return (
    <ActionCard title={t('resolve.title')}>
      <div className="space-y-5">
        {canMarkPaid && (
          <ActionForm
            form={paid}
            hidden={{ orderId, decision: 'markPaid' }}
            texts={{ submit: t('resolve.markPaid'), done: t('resolve.done') }}
            className="space-y-2"
          >
            <p className="text-sm text-stone-600">{t('resolve.markPaidHint')}</p>
          </ActionForm>
        )}
        {!canCancel && <p className="text-sm text-stone-600">{t('resolve.retryFirst')}</p>}
        {canCancel && (
          <ActionForm
            form={cancel}
            hidden={{ orderId, decision: 'cancel' }}
            texts={{ submit: t('resolve.cancel'), done: t('resolve.done') }}
            variant="danger"
            className="space-y-2"
          >
            <p className="text-sm text-stone-600">{t('resolve.cancelHint')}</p>
            <AmountField
              label={t('resolve.refundAmount', { currency })}
              defaultValue={defaultAmount}
              hint={t('resolve.refundAmountHint')}
              error={cancel.fieldError('amount')}
            />
          </ActionForm>
        )}
      </div>
    </ActionCard>
  );
}

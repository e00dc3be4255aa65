'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, TextareaField } from '@/components/ui/field';
import {
  approveReturnAction,
  receiveReturnAction,
  rejectReturnAction,
  retryReturnRefundAction,
} from '@/lib/actions/admin/returns';
import { ActionCard, FormStatus } from './form-parts';
import { useAdminForm } from './use-admin-form';

const ReturnId = ({ returnId }: { returnId: number }) => <input type="hidden" name="returnId" value={returnId} />;

/** A requested return: approve it (optional message with the instructions) or reject it (reason required). */
export function DecideReturnForms({ returnId }: { returnId: number }) {
  const t = useTranslations('admin.returns');
  const approve = useAdminForm(approveReturnAction);
  const reject = useAdminForm(rejectReturnAction);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <ActionCard title={t('approve.title')}>
        <form onSubmit={approve.onSubmit} noValidate className="space-y-3">
          <ReturnId returnId={returnId} />
          <TextareaField
            label={t('approve.message')}
            name="message"
            rows={3}
            maxLength={2000}
            hint={t('approve.messageHint')}
            error={approve.fieldError('message')}
          />
          <FormStatus error={approve.formError} success={approve.succeeded ? t('approve.done') : null} />
          <Button type="submit" pending={approve.pending} disabled={reject.pending}>
            {t('approve.submit')}
          </Button>
        </form>
      </ActionCard>
      <ActionCard title={t('reject.title')}>
        <form onSubmit={reject.onSubmit} noValidate className="space-y-3">
          <ReturnId returnId={returnId} />
          <TextareaField
            label={t('reject.message')}
            name="message"
            rows={3}
            required
            maxLength={2000}
            hint={t('reject.messageHint')}
            error={reject.fieldError('message')}
          />
          <FormStatus error={reject.formError} success={reject.succeeded ? t('reject.done') : null} />
          <Button type="submit" variant="danger" pending={reject.pending} disabled={approve.pending}>
            {t('reject.submit')}
          </Button>
        </form>
      </ActionCard>
    </div>
  );
}

/**
 * The parcel arrived: how many units of each line can be sold again (they go back in stock), and
 * the refund (defaults to the returned lines' value, capped by what is left to refund).
 */
export function ReceiveReturnForm({
  returnId,
  lines,
  defaultAmount,
  currency,
  refundableLabel,
}: {
  returnId: number;
  lines: { id: number; title: string; format: string; quantity: number; digital: boolean }[];
  defaultAmount: string;
  currency: string;
  refundableLabel: string;
}) {
  const t = useTranslations('admin.returns');
  const form = useAdminForm(receiveReturnAction);
  return (
    <ActionCard title={t('receive.title')}>
      <form onSubmit={form.onSubmit} noValidate className="space-y-4">
        <ReturnId returnId={returnId} />
        <fieldset className="space-y-3">
          <legend className="text-sm text-stone-600">{t('receive.resellableLegend')}</legend>
          {lines.map((line) =>
            line.digital ? (
              <p key={line.id} className="text-sm text-stone-500">
                {t('receive.digital', { title: line.title })}
              </p>
            ) : (
              <Field
                key={line.id}
                label={t('receive.resellable', { title: line.title, format: line.format, quantity: line.quantity })}
                name={`resellable-${line.id}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={line.quantity}
                step={1}
                defaultValue={line.quantity}
                className="max-w-md"
                error={form.fieldError(`resellable-${line.id}`)}
              />
            ),
          )}
        </fieldset>
        <Field
          label={t('receive.amount', { currency })}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={defaultAmount}
          hint={t('receive.amountHint', { amount: refundableLabel })}
          className="max-w-md"
          error={form.fieldError('amount')}
        />
        <FormStatus
          error={form.formError ?? form.fieldError('lines')}
          success={form.succeeded ? t('receive.done') : null}
        />
        <Button type="submit" pending={form.pending}>
          {t('receive.submit')}
        </Button>
      </form>
    </ActionCard>
  );
}

/** A received return whose refund the provider refused: send it again. */
export function RetryReturnRefundForm({ returnId }: { returnId: number }) {
  const t = useTranslations('admin.returns');
  const form = useAdminForm(retryReturnRefundAction);
  return (
    <ActionCard title={t('retry.title')}>
      <form onSubmit={form.onSubmit} className="space-y-3">
        <ReturnId returnId={returnId} />
        <p className="text-sm text-stone-600">{t('retry.hint')}</p>
        <FormStatus error={form.formError} success={form.succeeded ? t('retry.done') : null} />
        <Button type="submit" pending={form.pending}>
          {t('retry.submit')}
        </Button>
      </form>
    </ActionCard>
  );
}

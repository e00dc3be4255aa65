'use client';

import { useTranslations } from 'next-intl';
import { Field, TextareaField } from '@/components/ui/field';
import {
  approveReturnAction,
  receiveReturnAction,
  rejectReturnAction,
  retryReturnRefundAction,
} from '@/lib/actions/admin/returns';
import { ActionCard, ActionForm, AmountField } from './form-parts';
import { useAdminForm } from './use-admin-form';

/** A requested return: approve it (optional message with the instructions) or reject it (reason required). */
export function DecideReturnForms({ returnId }: { returnId: number }) {
  const approve = useAdminForm(approveReturnAction);
  const reject = useAdminForm(rejectReturnAction);
  // One decision at a time: each form's button waits while the other one runs.
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <DecisionForm returnId={returnId} decision="approve" form={approve} otherPending={reject.pending} />
      <DecisionForm returnId={returnId} decision="reject" form={reject} otherPending={approve.pending} />
    </div>
  );
}

/** Approve (with an optional message) or reject (with a reason, required) a requested return. */
function DecisionForm({
  returnId,
  decision,
  form,
  otherPending,
}: {
  returnId: number;
  decision: 'approve' | 'reject';
  form: ReturnType<typeof useAdminForm>;
  otherPending: boolean;
}) {
  const t = useTranslations(`admin.returns.${decision}`);
  const rejecting = decision === 'reject';
  return (
    <ActionCard title={t('title')}>
      <ActionForm
        form={form}
        hidden={{ returnId }}
        texts={{ submit: t('submit'), done: t('done') }}
        variant={rejecting ? 'danger' : 'primary'}
        disabled={otherPending}
      >
        <TextareaField
          label={t('message')}
          name="message"
          rows={3}
          required={rejecting}
          maxLength={2000}
          hint={t('messageHint')}
          error={form.fieldError('message')}
        />
      </ActionForm>
    </ActionCard>
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
      <ActionForm
        form={form}
        hidden={{ returnId }}
        texts={{ submit: t('receive.submit'), done: t('receive.done') }}
        error={form.formError ?? form.fieldError('lines')}
        className="space-y-4"
      >
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
        <AmountField
          label={t('receive.amount', { currency })}
          defaultValue={defaultAmount}
          hint={t('receive.amountHint', { amount: refundableLabel })}
          className="max-w-md"
          error={form.fieldError('amount')}
        />
      </ActionForm>
    </ActionCard>
  );
}

/** A received return whose refund the provider refused: send it again. */
export function RetryReturnRefundForm({ returnId }: { returnId: number }) {
  const t = useTranslations('admin.returns');
  const form = useAdminForm(retryReturnRefundAction);
  return (
    <ActionCard title={t('retry.title')}>
      <ActionForm form={form} hidden={{ returnId }} texts={{ submit: t('retry.submit'), done: t('retry.done') }}>
        <p className="text-sm text-stone-600">{t('retry.hint')}</p>
      </ActionForm>
    </ActionCard>
  );
}

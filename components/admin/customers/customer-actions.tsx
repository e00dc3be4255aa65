'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SelectField } from '@/components/ui/field';
import { changeCustomerRoleAction, disableCustomerAction, enableCustomerAction } from '@/lib/actions/admin/customers';
import { ConfirmActionForm } from './confirm-action-form';

/**
 * The account's controls on /admin/customers/[id]: change the role, disable or enable. Each asks
 * for confirmation first. An admin's own account shows why the controls are off (the server
 * refuses self-demotion and self-disabling anyway); a deleted account cannot be changed.
 */
export function CustomerActions({
  userId,
  name,
  role,
  status,
  isSelf,
}: {
  userId: number;
  name: string;
  role: 'customer' | 'admin';
  status: 'active' | 'disabled' | 'deleted';
  isSelf: boolean;
}) {
  const t = useTranslations('admin.customers.actions');
  const roles = useTranslations('admin.customers.roles');
  const errors = useTranslations('admin.customers.errors');
  const messageFor = (kind: 'done' | 'error', key: string) => {
    if (kind === 'done') return t.has(`done.${key}`) ? t(`done.${key}`) : t('done.unchanged');
    return errors.has(key) ? errors(key) : errors('unexpected');
  };
  // Lives here, not in the forms: a change re-renders the page and may swap the form (disable → enable).
  const [done, setDone] = useState<string | null>(null);
  const deleted = status === 'deleted';
  const hidden = { userId: String(userId) };
  return (
    <section aria-labelledby="customer-actions" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="customer-actions" className="text-base font-bold">
        {t('title')}
      </h2>
      {isSelf && <p className="mt-1 text-sm text-stone-600">{t('selfNote')}</p>}
      {deleted && <p className="mt-1 text-sm text-stone-600">{t('deletedNote')}</p>}
      <div className="mt-3 grid gap-6 sm:grid-cols-2">
        <ConfirmActionForm
          // A fresh form after each change, so the select starts from the saved role.
          key={`role-${role}`}
          action={changeCustomerRoleAction}
          hidden={hidden}
          disabled={isSelf || deleted}
          fields={
            <SelectField label={t('roleLabel')} name="role" defaultValue={role} className="max-w-xs">
              <option value="customer">{roles('customer')}</option>
              <option value="admin">{roles('admin')}</option>
            </SelectField>
          }
          trigger={t('changeRole')}
          question={(formData) => t('confirmRole', { name, role: String(formData.get('role') ?? role) })}
          confirm={t('confirmRoleButton')}
          cancel={t('cancel')}
          messageFor={messageFor}
          onSuccess={setDone}
        />
        {status === 'disabled' ? (
          <ConfirmActionForm
            key="enable"
            action={enableCustomerAction}
            hidden={hidden}
            disabled={deleted}
            trigger={t('enable')}
            question={() => t('confirmEnable', { name })}
            confirm={t('confirmEnableButton')}
            cancel={t('cancel')}
            messageFor={messageFor}
            onSuccess={setDone}
          />
        ) : (
          <ConfirmActionForm
            key="disable"
            action={disableCustomerAction}
            hidden={hidden}
            disabled={isSelf || deleted}
            variant="danger"
            trigger={t('disable')}
            question={() => t('confirmDisable', { name })}
            confirm={t('confirmDisableButton')}
            cancel={t('cancel')}
            messageFor={messageFor}
            onSuccess={setDone}
          />
        )}
      </div>
      <p role="status" className="mt-3 text-sm font-medium text-emerald-800">
        {done}
      </p>
    </section>
  );
}

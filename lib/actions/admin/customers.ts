'use server';

import { formAction, INVALID_INPUT } from '@/lib/http/action';
import { asAdmin } from '@/lib/admin/guard';
import { changeCustomerRole, type CustomerMutationResult, setCustomerDisabled } from '@/lib/accounts/staff-access';
import {
  type AdminActionState,
  changeRoleSchema,
  fieldErrors,
  setDisabledSchema,
} from '@/lib/admin/customers/validation';

/*
 * Back-office actions on accounts (/admin/customers). Each starts with asAdmin (a visitor or a
 * customer is refused before anything is read), parses its form with zod, and calls one function of
 * lib/accounts/staff-access.ts, which writes the change and its audit row in one transaction. The
 * pages are rendered per request, so there is no cache tag to invalidate; the form refreshes the page.
 */

const field = (formData: unknown, name: string): unknown =>
  formData instanceof FormData ? (formData.get(name) ?? undefined) : undefined;

const answer = (result: CustomerMutationResult, message: string): AdminActionState =>
  result.ok ? { ok: true, message: result.changed ? message : 'unchanged' } : result;

/** Makes an account a customer or an admin (form fields `userId`, `role`). */
export const changeCustomerRoleAction = formAction(
  'changeCustomerRole',
  async (formData: FormData): Promise<AdminActionState> => {
    return asAdmin(async (admin) => {
      const parsed = changeRoleSchema.safeParse({ userId: field(formData, 'userId'), role: field(formData, 'role') });
      if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
      return answer(await changeCustomerRole(admin, parsed.data), 'roleChanged');
    });
  },
  INVALID_INPUT,
);

/** Disables an account and ends its sessions (form field `userId`). */
export const disableCustomerAction = formAction(
  'disableCustomer',
  async (formData: FormData): Promise<AdminActionState> => {
    return asAdmin(async (admin) => {
      const parsed = setDisabledSchema.safeParse({ userId: field(formData, 'userId') });
      if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
      return answer(await setCustomerDisabled(admin, { ...parsed.data, disabled: true }), 'disabled');
    });
  },
  INVALID_INPUT,
);

/** Lets a disabled account sign in again (form field `userId`). */
export const enableCustomerAction = formAction(
  'enableCustomer',
  async (formData: FormData): Promise<AdminActionState> => {
    return asAdmin(async (admin) => {
      const parsed = setDisabledSchema.safeParse({ userId: field(formData, 'userId') });
      if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
      return answer(await setCustomerDisabled(admin, { ...parsed.data, disabled: false }), 'enabled');
    });
  },
  INVALID_INPUT,
);

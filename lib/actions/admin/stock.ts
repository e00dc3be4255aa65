'use server';

import { formAction, INVALID_INPUT } from '@/lib/http/action';
import { asAdmin } from '@/lib/admin/guard';
import { formFields, issuesToFieldErrors } from '@/lib/admin/orders/validation';
import { invalidateAfterStockChange } from '@/lib/catalog/invalidate';
import { adjustStock } from '@/lib/inventory/adjust';
import { afterRestock } from '@/lib/orders/back-in-stock';
import { adjustStockSchema } from '@/lib/admin/stock/validation';

/**
 * Stock adjustments from /admin/stock/{editionId}: a signed delta with a reason (and a note for a
 * correction), applied on top of whatever the stock is now. Admins only, checked before anything is
 * read; the product's page (and the lists, when it sold out or came back) refresh.
 */
export const adjustStockAction = formAction(
  'adjustStock',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = adjustStockSchema.safeParse(formFields(formData));
      if (!parsed.success)
        return { ok: false as const, error: 'invalid', fieldErrors: issuesToFieldErrors(parsed.error) };
      const result = await adjustStock(admin, parsed.data, afterRestock);
      if (result.ok) invalidateAfterStockChange([result.productSlug], result.availabilityChanged);
      return result.ok ? { ok: true as const, stock: result.stock } : result;
    });
  },
  INVALID_INPUT,
);

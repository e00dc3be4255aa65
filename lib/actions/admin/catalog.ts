'use server';

import { formAction, INVALID_INPUT } from '@/lib/http/action';
import { asAdmin } from '@/lib/admin/guard';
import { expireTags } from '@/lib/admin/catalog/invalidate';
import { createPerson, setProductsStatus } from '@/lib/admin/catalog/mutations';
import { saveProduct } from '@/lib/admin/catalog/save-product';
import { getProductForEditor, storeMinorPerMajor } from '@/lib/admin/catalog/queries';
import type { ActionState, PersonOption, ProductEditorData } from '@/lib/admin/catalog/types';
import { bulkStatusSchema, parseProductDraft, personSchema, toFieldErrors } from '@/lib/admin/catalog/validation';

/**
 * Server actions of the admin catalog. Each starts with asAdmin, so a visitor or a customer gets
 * { ok: false, error } before anything is read; then it parses its input (field errors for bad
 * input, nothing saved), calls one lib function and expires the cache tags it changed.
 */

const field = (formData: unknown, name: string): string => {
  if (!(formData instanceof FormData)) return '';
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

/** Creates or updates a product from the editor; the form sends its state as JSON in `payload`. */
export const saveProductAction = formAction(
  'saveProduct',
  async (
    formData: FormData,
  ): Promise<ActionState<{ id: number; slug: string; created: boolean; product: ProductEditorData | null }>> => {
    return asAdmin(async (admin) => {
      let draft: unknown;
      try {
        draft = JSON.parse(field(formData, 'payload') || 'null');
      } catch {
        return { ok: false, fieldErrors: { form: 'invalid' } };
      }
      const parsed = parseProductDraft(draft, storeMinorPerMajor());
      if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
      const result = await saveProduct(admin, parsed.input);
      if (!result.ok) return { ok: false, fieldErrors: result.fieldErrors };
      expireTags(result.tags, 'action');
      // The saved product as the editor shows it: new editions now have ids, the version moved on.
      const product = await getProductForEditor(admin, result.id);
      return { ok: true, id: result.id, slug: result.slug, created: result.created, product };
    });
  },
  INVALID_INPUT,
);

/** The list's bulk action: sets the status of the checked products (`ids` repeated, `status`). */
export const updateProductsStatusAction = formAction(
  'updateProductsStatus',
  async (formData: FormData): Promise<ActionState<{ changed: number }>> => {
    return asAdmin(async (admin) => {
      const ids = formData instanceof FormData ? formData.getAll('ids').map((id) => Number(id)) : [];
      const parsed = bulkStatusSchema.safeParse({ ids, status: field(formData, 'status') });
      if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
      const { changed, tags } = await setProductsStatus(
        admin,
        Array.from(new Set(parsed.data.ids)),
        parsed.data.status,
      );
      expireTags(tags, 'action');
      return { ok: true, changed };
    });
  },
  INVALID_INPUT,
);

/** "Create a person" in the credit picker: `name` and optional `originalName`. */
export const createPersonAction = formAction(
  'createPerson',
  async (formData: FormData): Promise<ActionState<{ person: PersonOption }>> => {
    return asAdmin(async (admin) => {
      const parsed = personSchema.safeParse({
        name: field(formData, 'name'),
        originalName: field(formData, 'originalName'),
      });
      if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
      const person = await createPerson(admin, parsed.data);
      return { ok: true, person };
    });
  },
  INVALID_INPUT,
);

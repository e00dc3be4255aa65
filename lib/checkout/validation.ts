import { z } from 'zod';
import { addressSchema, emailSchema } from '@/lib/accounts/validation';
import { SHIPPING_METHODS } from './pricing';

/**
 * What the checkout form may send. There is no price, total, currency or user id here: unknown
 * fields are dropped, and every amount is computed on the server.
 */
export const checkoutSchema = z.object({
  checkoutKey: z.uuid('checkoutExpired'),
  email: emailSchema.optional(),
  shippingMethod: z.enum(SHIPPING_METHODS, 'shippingMethodInvalid').optional(),
  /** A saved address of the signed-in shopper (checked to be theirs). */
  addressId: z
    .string()
    .regex(/^\d{1,9}$/, 'addressInvalid')
    .transform(Number)
    .optional(),
  address: addressSchema.optional(),
  saveAddress: z.boolean().optional(),
});

export type CheckoutInput = z.infer<typeof checkoutSchema>;

/** Reads the checkout form into the shape above (strings from FormData, address fields grouped). */
export function checkoutFormToInput(formData: FormData): unknown {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const addressId = text('addressId');
  const useSaved = addressId && addressId !== 'new';
  return {
    checkoutKey: text('checkoutKey'),
    email: text('email'),
    shippingMethod: text('shippingMethod'),
    addressId: useSaved ? addressId : undefined,
    address:
      useSaved || !text('line1')
        ? undefined
        : {
            fullName: text('fullName') ?? '',
            line1: text('line1') ?? '',
            line2: text('line2'),
            city: text('city') ?? '',
            region: text('region'),
            postalCode: text('postalCode') ?? '',
            country: text('country') ?? '',
            phone: text('phone'),
          },
    saveAddress: formData.get('saveAddress') === 'on',
  };
}

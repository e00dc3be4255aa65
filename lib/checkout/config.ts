import 'server-only';
import { env } from '@/lib/env';
import type { PricingConfig } from './pricing';

/** Shipping and tax settings from the environment (see README, "Checkout settings"). */
export function pricingConfig(): PricingConfig {
  return {
    standardMinor: env.SHIPPING_STANDARD_MINOR,
    expressMinor: env.SHIPPING_EXPRESS_MINOR,
    freeOverMinor: env.FREE_SHIPPING_OVER_MINOR,
    taxRatePercent: env.TAX_RATE_PERCENT,
    taxInclusive: env.TAX_INCLUSIVE,
  };
}

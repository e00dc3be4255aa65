/**
 * Order maths, pure and in integer minor units. The server recomputes every total from database
 * prices with these functions; nothing the client sends is a price.
 */

export const SHIPPING_METHODS = ['standard', 'express'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

export type PricingConfig = {
  standardMinor: number;
  expressMinor: number;
  /** Standard shipping is free from this subtotal on (0 = never free). */
  freeOverMinor: number;
  taxRatePercent: number;
  /** Prices already include tax (EU/UK/CN style) rather than tax added on top (US style). */
  taxInclusive: boolean;
};

export type PricedLine = { unitPriceMinor: number; quantity: number; digital: boolean };

export type Totals = {
  /** Purchases and rental fees. */
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  /** The refundable rental deposits: part of the total, never taxed, not counted toward free shipping. */
  depositMinor: number;
  totalMinor: number;
  taxInclusive: boolean;
  needsShipping: boolean;
};

/** A digital-only order ships nothing. */
export function needsShipping(lines: PricedLine[]): boolean {
  return lines.some((line) => !line.digital);
}

/** The price of each shipping method for these lines (standard may be free above the threshold). */
export function shippingOptions(
  lines: PricedLine[],
  config: PricingConfig,
): { method: ShippingMethod; priceMinor: number }[] {
  if (!needsShipping(lines)) return [];
  const subtotal = subtotalOf(lines);
  const freeStandard = config.freeOverMinor > 0 && subtotal >= config.freeOverMinor;
  return [
    { method: 'standard', priceMinor: freeStandard ? 0 : config.standardMinor },
    { method: 'express', priceMinor: config.expressMinor },
  ];
}

export function subtotalOf(lines: PricedLine[]): number {
  return lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
}

/**
 * Totals of an order. Tax applies to goods (rental fees included) and shipping, never to the rental
 * deposits, which are added last. Exclusive: tax is added on top and rounded half up. Inclusive: the
 * total is what the prices say and the tax is the part of it that is tax.
 */
export function computeTotals(
  lines: PricedLine[],
  method: ShippingMethod | null,
  config: PricingConfig,
  depositMinor = 0,
): Totals {
  const subtotalMinor = subtotalOf(lines);
  const ships = needsShipping(lines);
  const option = ships ? shippingOptions(lines, config).find((o) => o.method === (method ?? 'standard')) : undefined;
  const shippingMinor = option?.priceMinor ?? 0;
  const taxable = subtotalMinor + shippingMinor;
  const rate = config.taxRatePercent / 100;
  const taxMinor = config.taxInclusive ? taxable - Math.round(taxable / (1 + rate)) : Math.round(taxable * rate);
  const totalMinor = (config.taxInclusive ? taxable : taxable + taxMinor) + depositMinor;
  return {
    subtotalMinor,
    shippingMinor,
    taxMinor,
    depositMinor,
    totalMinor,
    taxInclusive: config.taxInclusive,
    needsShipping: ships,
  };
}

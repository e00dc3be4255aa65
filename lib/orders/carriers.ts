/**
 * The carriers staff can pick when marking an order shipped, with the public tracking page of each.
 * The shipment stores the carrier's name (what the shopper's order page shows) and the tracking URL
 * built here; "other" takes a name typed by staff and has no tracking page.
 */
export const CARRIERS = {
  ups: { name: 'UPS', url: 'https://www.ups.com/track?tracknum={n}' },
  fedex: { name: 'FedEx', url: 'https://www.fedex.com/fedextrack/?trknbr={n}' },
  dhl: { name: 'DHL', url: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={n}' },
  usps: { name: 'USPS', url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={n}' },
  royal_mail: { name: 'Royal Mail', url: 'https://www.royalmail.com/track-your-item#/tracking-results/{n}' },
  sf_express: { name: 'SF Express', url: 'https://www.sf-express.com/chn/en/waybill/waybill-detail/{n}' },
  ems: { name: 'EMS', url: 'https://www.ems.com.cn/queryList?mailNum={n}' },
  other: { name: null, url: null },
} as const satisfies Record<string, { name: string | null; url: string | null }>;

export type CarrierCode = keyof typeof CARRIERS;

export const CARRIER_CODES = Object.keys(CARRIERS) as CarrierCode[];

/** Tracking numbers: letters, digits and dashes (what every carrier above uses). */
export const TRACKING_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/;

/** The carrier's tracking page for a number, or null for "other" (no known page). */
export function trackingUrl(carrier: CarrierCode, trackingNumber: string): string | null {
  const template = CARRIERS[carrier].url;
  return template ? template.replace('{n}', encodeURIComponent(trackingNumber)) : null;
}

/** The name stored on the shipment and shown to the shopper. */
export function carrierName(carrier: CarrierCode, otherName?: string | null): string {
  return CARRIERS[carrier].name ?? (otherName?.trim() || 'Other');
}

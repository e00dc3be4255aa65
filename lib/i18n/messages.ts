import en from './messages/en.json';
import enAccounts from './messages/en/accounts.json';
import enAdminCatalog from './messages/en/admin-catalog.json';
import enAdminOps from './messages/en/admin-ops.json';
import enAdminOrders from './messages/en/admin-orders.json';
import enPrivacy from './messages/en/privacy.json';
import enOrdersSafeguards from './messages/en/orders-safeguards.json';
import enRecommendations from './messages/en/recommendations.json';
import enRentals from './messages/en/rentals.json';
import enRentalWaitlist from './messages/en/rental-waitlist.json';
import enRentalKeep from './messages/en/rental-keep.json';
import enAdminRentals from './messages/en/admin-rentals.json';
import enReviews from './messages/en/reviews.json';
import enRentalMail from './messages/en/rental-mail.json';
import zh from './messages/zh.json';
import zhAccounts from './messages/zh/accounts.json';
import zhAdminCatalog from './messages/zh/admin-catalog.json';
import zhAdminOps from './messages/zh/admin-ops.json';
import zhAdminOrders from './messages/zh/admin-orders.json';
import zhPrivacy from './messages/zh/privacy.json';
import zhOrdersSafeguards from './messages/zh/orders-safeguards.json';
import zhRecommendations from './messages/zh/recommendations.json';
import zhRentals from './messages/zh/rentals.json';
import zhRentalWaitlist from './messages/zh/rental-waitlist.json';
import zhRentalKeep from './messages/zh/rental-keep.json';
import zhAdminRentals from './messages/zh/admin-rentals.json';
import zhReviews from './messages/zh/reviews.json';
import zhRentalMail from './messages/zh/rental-mail.json';
import type { Locale } from './config';

/**
 * Every message of the store, per locale: the main file plus one file per feature area
 * (messages/{locale}/*.json), deep-merged, so that features can add namespaces and mail templates
 * without editing one shared file. A key in a feature file overrides the main file.
 */
type Json = { [key: string]: Json | string };

function deepMerge(...sources: object[]): Json {
  const out: Json = {};
  for (const source of sources as Json[]) {
    for (const [key, value] of Object.entries(source)) {
      const current = out[key];
      out[key] =
        typeof value === 'object' && typeof current === 'object'
          ? deepMerge(current, value)
          : typeof value === 'object'
            ? deepMerge(value)
            : value;
    }
  }
  return out;
}

const merged = {
  en: deepMerge(
    en,
    enAdminCatalog,
    enAdminOrders,
    enAdminOps,
    enReviews,
    enRecommendations,
    enPrivacy,
    enOrdersSafeguards,
    enAccounts,
    enRentals,
    enRentalWaitlist,
    enAdminRentals,
    enRentalMail,
    enRentalKeep,
  ),
  zh: deepMerge(
    zh,
    zhAdminCatalog,
    zhAdminOrders,
    zhAdminOps,
    zhReviews,
    zhRecommendations,
    zhPrivacy,
    zhOrdersSafeguards,
    zhAccounts,
    zhRentals,
    zhRentalWaitlist,
    zhAdminRentals,
    zhRentalMail,
    zhRentalKeep,
  ),
};

/** Typed as the main English file; feature keys are there at run time (checked by a unit test). */
export const MESSAGES = merged as unknown as Record<Locale, typeof en & Json>;

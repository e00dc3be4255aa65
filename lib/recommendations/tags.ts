/**
 * Cache tag of everything the rebuild changes: the product pages' "also bought" and "more like
 * this" lists. A rebuild inside a request (the admin route, the cron tick) invalidates it.
 */
export const RECOMMENDATIONS_TAG = 'recommendations';

/** First-party, random, anonymous visitor id (set by proxy.ts); linked to the account at sign-in. */
export const VISITOR_COOKIE = 'encore_vid';

// Every table of every domain, for the Drizzle client. Domains own their schema files
// (lib/<domain>/schema.ts); this file only gathers them.
export * from '@/lib/catalog/schema';
export * from '@/lib/inventory/schema';
export * from '@/lib/catalog/search/schema';
export * from '@/lib/accounts/schema';
export * from '@/lib/security/schema';
export * from '@/lib/mail/schema';
export * from '@/lib/cart/schema';
export * from '@/lib/orders/schema';
export * from '@/lib/payments/schema';
export * from '@/lib/recommendations/schema';
export * from '@/lib/audit/schema';
export * from '@/lib/reviews/schema';
export * from '@/lib/wishlist/schema';
export * from '@/lib/rentals/schema';
export * from '@/lib/library/schema';

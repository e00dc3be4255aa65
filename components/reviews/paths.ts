/** The page where a shopper writes or edits their review of a product, without the product page's script. */
export const reviewPagePath = (slug: string) => `/account/reviews/${slug}`;

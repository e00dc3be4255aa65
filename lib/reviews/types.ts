/** The small, serializable shapes the review UI renders. Never whole rows. */

export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

/** One published review. `author` is null for a deleted account ("Deleted account" in the UI). */
export type ReviewView = {
  id: number;
  rating: number;
  title: string | null;
  body: string;
  author: string | null;
  verifiedPurchase: boolean;
  /** ISO 8601 timestamps (UTC). */
  createdAt: string;
  updatedAt: string;
};

/** Visible reviews only: `average` has one decimal (null without reviews); `distribution[i]` counts i+1 stars. */
export type ReviewSummary = {
  count: number;
  average: number | null;
  distribution: [number, number, number, number, number];
};

export type ReviewPage = { items: ReviewView[]; page: number; hasMore: boolean };

/** The viewer's own review, whatever its moderation status. */
export type OwnReview = {
  rating: number;
  title: string | null;
  body: string;
  verifiedPurchase: boolean;
  hidden: boolean;
  updatedAt: string;
};

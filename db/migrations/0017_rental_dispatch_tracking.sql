-- The rental desk's dispatch says how the copy went (issue 16: "mark shipped with tracking"): the carrier's
-- name, the tracking number and the carrier's tracking page, on the rental (an order's shipments stay its
-- purchases'). Existing rows satisfy the check (the new columns are null).
ALTER TABLE "rentals" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "rentals" ADD COLUMN "tracking_number" text;--> statement-breakpoint
ALTER TABLE "rentals" ADD COLUMN "tracking_url" text;--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_tracking" CHECK ("rentals"."tracking_number" is null or "rentals"."carrier" is not null);
-- Rentals at checkout (issue 16): a rental cart line and order line carry their period (and the order
-- line its deposit), orders carry the sum of their rental deposits (part of the total, never taxed),
-- and a rental cancelled before dispatch gets its own status. The rentals_dispatched check is
-- rewritten without naming 'cancelled': an enum value cannot be used in the transaction adding it.
-- Existing rows satisfy every new check (no line is a rental yet, deposits default to 0).
ALTER TYPE "public"."rental_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TABLE "rentals" DROP CONSTRAINT "rentals_dispatched";--> statement-breakpoint
ALTER TABLE "cart_lines" ADD COLUMN "rental_period_days" integer;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "rental_period_days" integer;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "rental_deposit_minor" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "deposit_minor" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_rental_period" CHECK (("cart_lines"."kind" = 'purchase' and "cart_lines"."rental_period_days" is null) or ("cart_lines"."kind" = 'rental' and "cart_lines"."rental_period_days" > 0 and "cart_lines"."quantity" = 1));--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_rental_terms" CHECK (("order_lines"."kind" = 'purchase' and "order_lines"."rental_period_days" is null and "order_lines"."rental_deposit_minor" is null) or ("order_lines"."kind" = 'rental' and "order_lines"."rental_period_days" > 0 and "order_lines"."rental_deposit_minor" >= 0 and "order_lines"."quantity" = 1));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_deposit_within_total" CHECK ("orders"."deposit_minor" >= 0 and "orders"."deposit_minor" <= "orders"."total_minor");--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_dispatched" CHECK ("rentals"."status" not in ('out', 'returned') or ("rentals"."dispatched_at" is not null and "rentals"."due_at" is not null));
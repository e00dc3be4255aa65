-- Keep it with a shortfall (issue 16): when what the late fees leave of a rental's deposit does not
-- cover the buy-out price, the shopper pays the rest through an order of its own, on the normal pay
-- page; the rental remembers that order (the last one asked) and becomes kept once it is paid
-- (lib/rentals/keep.ts, settleBuyOutPayments). A nullable column: existing rows need nothing.
ALTER TABLE "rentals" ADD COLUMN "buy_out_order_id" integer;--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_buy_out_order_id_orders_id_fk" FOREIGN KEY ("buy_out_order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
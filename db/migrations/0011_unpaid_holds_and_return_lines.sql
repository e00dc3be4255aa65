DROP INDEX "return_lines_return_idx";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "hold_visitor" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "hold_email" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "hold_ip" text;--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "request_key" text;--> statement-breakpoint
-- Hand-written: before the unique index, merge an order line repeated within one return (possible
-- before this migration) into its first row.
UPDATE "return_lines" SET "quantity" = "merged"."total" FROM (SELECT min("id") AS "keep", sum("quantity")::int AS "total" FROM "return_lines" GROUP BY "return_id", "order_line_id" HAVING count(*) > 1) AS "merged" WHERE "return_lines"."id" = "merged"."keep";--> statement-breakpoint
DELETE FROM "return_lines" AS "later" USING "return_lines" AS "first" WHERE "later"."return_id" = "first"."return_id" AND "later"."order_line_id" = "first"."order_line_id" AND "later"."id" > "first"."id";

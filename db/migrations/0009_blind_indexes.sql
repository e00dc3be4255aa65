ALTER TABLE "addresses" ADD COLUMN "blind_index" text[];--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "blind_index" text[];--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "blind_index" text[];--> statement-breakpoint
CREATE INDEX "addresses_blind_index_idx" ON "addresses" USING gin ("blind_index");--> statement-breakpoint
CREATE INDEX "users_blind_index_idx" ON "users" USING gin ("blind_index");--> statement-breakpoint
CREATE INDEX "orders_blind_index_idx" ON "orders" USING gin ("blind_index");
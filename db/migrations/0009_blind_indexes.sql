ALTER TABLE "addresses" ADD COLUMN "blind_index" text[];--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "blind_index" text[];--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "blind_index" text[];

CREATE TYPE "public"."interaction_type" AS ENUM('view', 'add_to_cart', 'wishlist', 'purchase', 'rating');--> statement-breakpoint
CREATE TABLE "interaction_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"visitor_id" text,
	"product_id" integer NOT NULL,
	"type" "interaction_type" NOT NULL,
	"value" smallint,
	"order_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_url" text;--> statement-breakpoint
ALTER TABLE "interaction_events" ADD CONSTRAINT "interaction_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_events" ADD CONSTRAINT "interaction_events_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interaction_events_user_idx" ON "interaction_events" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "interaction_events_visitor_idx" ON "interaction_events" USING btree ("visitor_id","created_at");--> statement-breakpoint
CREATE INDEX "interaction_events_product_type_idx" ON "interaction_events" USING btree ("product_id","type","created_at");--> statement-breakpoint
CREATE INDEX "interaction_events_created_idx" ON "interaction_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "interaction_events_order_idx" ON "interaction_events" USING btree ("order_id");
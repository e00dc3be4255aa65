-- Rentals, the rest of issue 16: a waitlist per rentable edition (a place in line, an offer holding a
-- copy for a while), rentals kept by their shopper (bought out or converted at the late-fee cap: the
-- copy is then sold) or lost while out, and when each reminder mail was queued. The new enum values
-- are not named in this migration's checks (an enum value cannot be used in the transaction adding it).
-- Existing rows satisfy every new check (the new columns are null).
CREATE TYPE "public"."rental_waitlist_status" AS ENUM('waiting', 'offered', 'fulfilled', 'expired', 'left');--> statement-breakpoint
ALTER TYPE "public"."rental_copy_status" ADD VALUE 'sold';--> statement-breakpoint
ALTER TYPE "public"."rental_status" ADD VALUE 'kept';--> statement-breakpoint
ALTER TYPE "public"."rental_status" ADD VALUE 'lost';--> statement-breakpoint
CREATE TABLE "rental_waitlist" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"status" "rental_waitlist_status" DEFAULT 'waiting' NOT NULL,
	"copy_id" integer,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"rental_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rental_waitlist_offer" CHECK ("rental_waitlist"."status" <> 'offered' or ("rental_waitlist"."copy_id" is not null and "rental_waitlist"."offered_at" is not null and "rental_waitlist"."offer_expires_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "rentals" ADD COLUMN "kept_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rentals" ADD COLUMN "buy_out_price_minor" integer;--> statement-breakpoint
ALTER TABLE "rentals" ADD COLUMN "lost_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rentals" ADD COLUMN "reminded_before_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rentals" ADD COLUMN "reminded_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rentals" ADD COLUMN "reminded_overdue_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rental_waitlist" ADD CONSTRAINT "rental_waitlist_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_waitlist" ADD CONSTRAINT "rental_waitlist_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_waitlist" ADD CONSTRAINT "rental_waitlist_copy_id_rental_copies_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."rental_copies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_waitlist" ADD CONSTRAINT "rental_waitlist_rental_id_rentals_id_fk" FOREIGN KEY ("rental_id") REFERENCES "public"."rentals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rental_waitlist_active_key" ON "rental_waitlist" USING btree ("edition_id","user_id") WHERE "rental_waitlist"."status" in ('waiting', 'offered');--> statement-breakpoint
CREATE UNIQUE INDEX "rental_waitlist_offered_copy_key" ON "rental_waitlist" USING btree ("copy_id") WHERE "rental_waitlist"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "rental_waitlist_line_idx" ON "rental_waitlist" USING btree ("edition_id","created_at","id") WHERE "rental_waitlist"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "rental_waitlist_offer_expiry_idx" ON "rental_waitlist" USING btree ("offer_expires_at") WHERE "rental_waitlist"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "rental_waitlist_user_idx" ON "rental_waitlist" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_buy_out_price" CHECK ("rentals"."buy_out_price_minor" is null or ("rentals"."buy_out_price_minor" >= 0 and "rentals"."kept_at" is not null));
CREATE TYPE "public"."rental_copy_grade" AS ENUM('mint', 'excellent', 'good', 'fair', 'poor');--> statement-breakpoint
CREATE TYPE "public"."rental_copy_status" AS ENUM('available', 'reserved', 'out', 'returned_pending_check', 'lost', 'damaged', 'retired');--> statement-breakpoint
CREATE TYPE "public"."rental_status" AS ENUM('reserved', 'out', 'returned');--> statement-breakpoint
CREATE TABLE "rental_copies" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"code" text NOT NULL,
	"grade" "rental_copy_grade" DEFAULT 'good' NOT NULL,
	"status" "rental_copy_status" DEFAULT 'available' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rental_terms" (
	"edition_id" integer PRIMARY KEY NOT NULL,
	"late_fee_per_day_minor" integer,
	"deposit_minor" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rental_terms_late_fee_nonnegative" CHECK ("rental_terms"."late_fee_per_day_minor" is null or "rental_terms"."late_fee_per_day_minor" >= 0),
	CONSTRAINT "rental_terms_deposit_nonnegative" CHECK ("rental_terms"."deposit_minor" is null or "rental_terms"."deposit_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rentals" (
	"id" serial PRIMARY KEY NOT NULL,
	"copy_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"user_id" integer,
	"order_id" integer,
	"order_line_id" integer,
	"status" "rental_status" DEFAULT 'reserved' NOT NULL,
	"fee_minor" integer NOT NULL,
	"deposit_minor" integer NOT NULL,
	"late_fee_per_day_minor" integer NOT NULL,
	"period_days" integer NOT NULL,
	"dispatched_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"late_fee_charged_minor" integer,
	"damage_charge_minor" integer,
	"deposit_refund_minor" integer,
	"deposit_refund_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rentals_amounts_nonnegative" CHECK ("rentals"."fee_minor" >= 0 and "rentals"."deposit_minor" >= 0 and "rentals"."late_fee_per_day_minor" >= 0 and "rentals"."period_days" > 0),
	CONSTRAINT "rentals_dispatched" CHECK ("rentals"."status" = 'reserved' or ("rentals"."dispatched_at" is not null and "rentals"."due_at" is not null)),
	CONSTRAINT "rentals_returned" CHECK ("rentals"."status" <> 'returned' or ("rentals"."returned_at" is not null and "rentals"."deposit_refund_minor" is not null and "rentals"."deposit_refund_key" is not null)),
	CONSTRAINT "rentals_refund_within_deposit" CHECK ("rentals"."deposit_refund_minor" is null or ("rentals"."deposit_refund_minor" >= 0 and "rentals"."deposit_refund_minor" <= "rentals"."deposit_minor"))
);
--> statement-breakpoint
ALTER TABLE "rental_copies" ADD CONSTRAINT "rental_copies_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_terms" ADD CONSTRAINT "rental_terms_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_copy_id_rental_copies_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."rental_copies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rental_copies_code_key" ON "rental_copies" USING btree ("code");--> statement-breakpoint
CREATE INDEX "rental_copies_available_idx" ON "rental_copies" USING btree ("edition_id","id") WHERE "rental_copies"."status" = 'available';--> statement-breakpoint
CREATE INDEX "rental_copies_edition_status_idx" ON "rental_copies" USING btree ("edition_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "rentals_copy_active_key" ON "rentals" USING btree ("copy_id") WHERE "rentals"."status" in ('reserved', 'out');--> statement-breakpoint
CREATE UNIQUE INDEX "rentals_deposit_refund_key" ON "rentals" USING btree ("deposit_refund_key");--> statement-breakpoint
CREATE INDEX "rentals_overdue_idx" ON "rentals" USING btree ("due_at") WHERE "rentals"."status" = 'out';--> statement-breakpoint
CREATE INDEX "rentals_user_idx" ON "rentals" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rentals_copy_idx" ON "rentals" USING btree ("copy_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rentals_order_idx" ON "rentals" USING btree ("order_id");
-- The digital library, the foundation of issue 17: entitlements (what a shopper owns: a digital line
-- bought, a physical edition that includes its download, a code), the files of a digital edition, the
-- downloads of them (who, which file, IP, bytes) and their count per entitlement and file. New tables
-- only, plus editions.includes_download (a constant default: no table rewrite). Their indexes are on
-- the new, empty tables, so they need no CONCURRENTLY (db/migration-rules.ts).
CREATE TYPE "public"."digital_file_format" AS ENUM('flac', 'wav', 'alac', 'mp3_320', 'aac', 'ogg', 'mp4', 'mkv', 'zip');--> statement-breakpoint
CREATE TYPE "public"."digital_file_kind" AS ENUM('track', 'film', 'episode', 'build', 'zip');--> statement-breakpoint
CREATE TYPE "public"."entitlement_source" AS ENUM('purchase', 'code', 'bundled');--> statement-breakpoint
CREATE TYPE "public"."entitlement_status" AS ENUM('active', 'revoked');--> statement-breakpoint
CREATE TABLE "digital_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"kind" "digital_file_kind" NOT NULL,
	"position" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"format" "digital_file_format" NOT NULL,
	"storage_key" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digital_files_size" CHECK ("digital_files"."byte_size" >= 0),
	CONSTRAINT "digital_files_position" CHECK ("digital_files"."position" > 0),
	CONSTRAINT "digital_files_sha256" CHECK ("digital_files"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "download_counts" (
	"entitlement_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"limit_override" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "download_counts_entitlement_id_file_id_pk" PRIMARY KEY("entitlement_id","file_id"),
	CONSTRAINT "download_counts_used" CHECK ("download_counts"."used" >= 0),
	CONSTRAINT "download_counts_limit" CHECK ("download_counts"."limit_override" is null or "download_counts"."limit_override" >= 0)
);
--> statement-breakpoint
CREATE TABLE "downloads" (
	"id" serial PRIMARY KEY NOT NULL,
	"entitlement_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	"user_id" integer,
	"ip" text,
	"bytes" bigint NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entitlements" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"order_id" integer,
	"order_line_id" integer,
	"source" "entitlement_source" NOT NULL,
	"status" "entitlement_status" DEFAULT 'active' NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "entitlements_revoked" CHECK (("entitlements"."status" = 'revoked') = ("entitlements"."revoked_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "includes_download" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "digital_files" ADD CONSTRAINT "digital_files_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "download_counts" ADD CONSTRAINT "download_counts_entitlement_id_entitlements_id_fk" FOREIGN KEY ("entitlement_id") REFERENCES "public"."entitlements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "download_counts" ADD CONSTRAINT "download_counts_file_id_digital_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."digital_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "downloads" ADD CONSTRAINT "downloads_entitlement_id_entitlements_id_fk" FOREIGN KEY ("entitlement_id") REFERENCES "public"."entitlements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "downloads" ADD CONSTRAINT "downloads_file_id_digital_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."digital_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "downloads" ADD CONSTRAINT "downloads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "digital_files_storage_key" ON "digital_files" USING btree ("storage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "digital_files_edition_position_format_key" ON "digital_files" USING btree ("edition_id","kind","position","format");--> statement-breakpoint
CREATE INDEX "downloads_entitlement_file_idx" ON "downloads" USING btree ("entitlement_id","file_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "downloads_user_idx" ON "downloads" USING btree ("user_id","started_at" DESC NULLS LAST) WHERE "downloads"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "entitlements_order_line_key" ON "entitlements" USING btree ("order_line_id") WHERE "entitlements"."order_line_id" is not null;--> statement-breakpoint
CREATE INDEX "entitlements_user_idx" ON "entitlements" USING btree ("user_id","granted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "entitlements_order_idx" ON "entitlements" USING btree ("order_id") WHERE "entitlements"."order_id" is not null;
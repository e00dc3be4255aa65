CREATE TYPE "public"."credit_role" AS ENUM('artist', 'composer', 'producer', 'director', 'writer', 'cast', 'developer', 'publisher');--> statement-breakpoint
CREATE TYPE "public"."edition_format" AS ENUM('cd', 'vinyl', 'cassette', 'digital_audio', 'dvd', 'bluray', 'uhd_bluray', 'digital_video', 'game_disc', 'game_cartridge', 'game_digital');--> statement-breakpoint
CREATE TYPE "public"."media_kind" AS ENUM('cover', 'gallery', 'trailer');--> statement-breakpoint
CREATE TYPE "public"."product_kind" AS ENUM('album', 'film', 'series', 'game');--> statement-breakpoint
CREATE TYPE "public"."publication_status" AS ENUM('draft', 'active', 'archived');--> statement-breakpoint
CREATE TYPE "public"."stock_reason" AS ENUM('initial', 'restock', 'order', 'cancel', 'expired', 'return', 'damaged', 'correction');--> statement-breakpoint
CREATE TABLE "credits" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" "credit_role" NOT NULL,
	"character" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"sku" text NOT NULL,
	"format" "edition_format" NOT NULL,
	"name" text,
	"barcode" text,
	"catalog_number" text,
	"disc_count" smallint,
	"packaging" text,
	"vinyl_weight_grams" smallint,
	"vinyl_speed_rpm" smallint,
	"vinyl_colour" text,
	"region_code" text,
	"audio_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"subtitle_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"platform" text,
	"price_minor" integer NOT NULL,
	"stock" integer DEFAULT 0 NOT NULL,
	"status" "publication_status" DEFAULT 'draft' NOT NULL,
	"release_date" date,
	"rentable" boolean DEFAULT false NOT NULL,
	"rental_price_minor" integer,
	"digital" boolean DEFAULT false NOT NULL,
	"available_from" timestamp with time zone,
	"available_until" timestamp with time zone,
	"territories" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "editions_stock_nonnegative" CHECK ("editions"."stock" >= 0),
	CONSTRAINT "editions_price_nonnegative" CHECK ("editions"."price_minor" >= 0),
	CONSTRAINT "editions_rental_price" CHECK ((not "editions"."rentable") or ("editions"."rental_price_minor" is not null and "editions"."rental_price_minor" >= 0)),
	CONSTRAINT "editions_rights_window" CHECK ("editions"."available_from" is null or "editions"."available_until" is null or "editions"."available_from" < "editions"."available_until")
);
--> statement-breakpoint
CREATE TABLE "genres" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"name_zh" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"kind" "media_kind" NOT NULL,
	"url" text NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"width" integer,
	"height" integer,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"original_name" text,
	"bio" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_genres" (
	"product_id" integer NOT NULL,
	"genre_id" integer NOT NULL,
	CONSTRAINT "product_genres_product_id_genre_id_pk" PRIMARY KEY("product_id","genre_id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"kind" "product_kind" NOT NULL,
	"title" text NOT NULL,
	"original_title" text,
	"description" text DEFAULT '' NOT NULL,
	"release_date" date,
	"decade" smallint GENERATED ALWAYS AS ((extract(year from release_date)::int / 10 * 10)::smallint) STORED,
	"age_rating" text,
	"label" text,
	"status" "publication_status" DEFAULT 'draft' NOT NULL,
	"search_vector" "tsvector",
	"search_title" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracks" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"sort_order" integer NOT NULL,
	"position" text NOT NULL,
	"disc_number" smallint DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"duration_seconds" integer,
	"preview_url" text,
	CONSTRAINT "tracks_duration_positive" CHECK ("tracks"."duration_seconds" is null or "tracks"."duration_seconds" > 0)
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"delta" integer NOT NULL,
	"reason" "stock_reason" NOT NULL,
	"order_id" integer,
	"note" text,
	"actor_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_delta_nonzero" CHECK ("stock_movements"."delta" <> 0)
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"frequency" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credits" ADD CONSTRAINT "credits_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credits" ADD CONSTRAINT "credits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_genres" ADD CONSTRAINT "product_genres_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_genres" ADD CONSTRAINT "product_genres_genre_id_genres_id_fk" FOREIGN KEY ("genre_id") REFERENCES "public"."genres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracks" ADD CONSTRAINT "tracks_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credits_product_person_role_key" ON "credits" USING btree ("product_id","person_id","role");--> statement-breakpoint
CREATE INDEX "credits_person_idx" ON "credits" USING btree ("person_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "editions_sku_key" ON "editions" USING btree ("sku");--> statement-breakpoint
CREATE UNIQUE INDEX "editions_barcode_key" ON "editions" USING btree ("barcode");--> statement-breakpoint
CREATE INDEX "editions_product_status_idx" ON "editions" USING btree ("product_id","status");--> statement-breakpoint
CREATE INDEX "editions_format_idx" ON "editions" USING btree ("format","status");--> statement-breakpoint
CREATE INDEX "editions_price_idx" ON "editions" USING btree ("price_minor");--> statement-breakpoint
CREATE INDEX "editions_release_date_idx" ON "editions" USING btree ("release_date");--> statement-breakpoint
CREATE UNIQUE INDEX "genres_slug_key" ON "genres" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "media_product_idx" ON "media" USING btree ("product_id","kind","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "people_slug_key" ON "people" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "product_genres_genre_idx" ON "product_genres" USING btree ("genre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_slug_key" ON "products" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "products_kind_status_release_idx" ON "products" USING btree ("kind","status","release_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "products_kind_decade_idx" ON "products" USING btree ("kind","decade");--> statement-breakpoint
CREATE INDEX "products_title_idx" ON "products" USING btree (lower("title"));--> statement-breakpoint
CREATE INDEX "products_search_vector_idx" ON "products" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "products_search_title_trgm_idx" ON "products" USING gin ("search_title" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "tracks_product_sort_key" ON "tracks" USING btree ("product_id","sort_order");--> statement-breakpoint
CREATE INDEX "stock_movements_edition_idx" ON "stock_movements" USING btree ("edition_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_movements_reason_created_idx" ON "stock_movements" USING btree ("reason","created_at");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);
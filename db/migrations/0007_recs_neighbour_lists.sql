-- The neighbour lists are derived data (the rebuild recomputes them): start from an empty table.
DELETE FROM "item_neighbours";--> statement-breakpoint
ALTER TABLE "item_neighbours" DROP CONSTRAINT "item_neighbours_neighbour_id_products_id_fk";
--> statement-breakpoint
DROP INDEX "item_neighbours_neighbour_idx";--> statement-breakpoint
ALTER TABLE "item_neighbours" DROP CONSTRAINT "item_neighbours_product_id_source_rank_pk";--> statement-breakpoint
ALTER TABLE "item_neighbours" ADD PRIMARY KEY ("product_id");--> statement-breakpoint
ALTER TABLE "item_neighbours" ADD COLUMN "collaborative_ids" integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "item_neighbours" ADD COLUMN "content_ids" integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "item_neighbours" ADD COLUMN "hybrid_ids" integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "item_neighbours" ADD COLUMN "hybrid_scores" real[] NOT NULL;--> statement-breakpoint
ALTER TABLE "item_neighbours" DROP COLUMN "source";--> statement-breakpoint
ALTER TABLE "item_neighbours" DROP COLUMN "rank";--> statement-breakpoint
ALTER TABLE "item_neighbours" DROP COLUMN "neighbour_id";--> statement-breakpoint
ALTER TABLE "item_neighbours" DROP COLUMN "score";--> statement-breakpoint
DROP TYPE "public"."neighbour_source";
-- Hand-written: mail written before this version holds live reset links and order keys in plain text and cannot be converted; it goes.
DELETE FROM "mail_outbox";--> statement-breakpoint
ALTER TYPE "public"."mail_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "to_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "data" text NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" DROP COLUMN "html";--> statement-breakpoint
ALTER TABLE "mail_outbox" DROP COLUMN "text";

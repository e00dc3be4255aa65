-- Indexes on tables that already hold rows, built without blocking writes (db/migration-rules.ts):
-- CREATE INDEX CONCURRENTLY, in a migration of its own, which db/migrate.ts runs outside a transaction.
CREATE INDEX CONCURRENTLY "addresses_blind_index_idx" ON "addresses" USING gin ("blind_index");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "users_blind_index_idx" ON "users" USING gin ("blind_index");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "orders_blind_index_idx" ON "orders" USING gin ("blind_index");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "mail_outbox_to_hash_idx" ON "mail_outbox" USING btree ("to_hash");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "mail_outbox_user_idx" ON "mail_outbox" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "orders_unpaid_visitor_idx" ON "orders" USING btree ("hold_visitor") WHERE status = 'pending_payment';--> statement-breakpoint
CREATE INDEX CONCURRENTLY "orders_unpaid_email_idx" ON "orders" USING btree ("hold_email") WHERE status = 'pending_payment';--> statement-breakpoint
CREATE INDEX CONCURRENTLY "orders_unpaid_ip_idx" ON "orders" USING btree ("hold_ip") WHERE status = 'pending_payment';--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY "return_lines_return_order_line_key" ON "return_lines" USING btree ("return_id","order_line_id");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "return_lines_order_line_idx" ON "return_lines" USING btree ("order_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY "returns_order_request_key" ON "returns" USING btree ("order_id","request_key");

-- The index of rentals.buy_out_order_id (0018), built without blocking writes: CREATE INDEX CONCURRENTLY in a
-- migration of its own, which db/migrate.ts runs outside a transaction (db/migration-rules.ts).
CREATE INDEX CONCURRENTLY "rentals_buy_out_order_idx" ON "rentals" USING btree ("buy_out_order_id") WHERE "rentals"."buy_out_order_id" is not null;
import type { BlindKind } from './blind-index';

/**
 * Every encrypted column of the database, in one list: `npm run keys:rotate` re-encrypts exactly
 * these, the per-table mappings (lib/accounts/sealed.ts, lib/orders/sealed.ts…) take their encryption
 * contexts from here, and the tests check that nothing in them is stored in plain text.
 *
 * To encrypt another column: add it here (its context is `<table>.<column>`, or
 * `<table>.<column>.<field>` for a field of a jsonb column), encrypt it on every write path and
 * decrypt it on every read path through one mapping next to its table, and run `npm run keys:rotate`
 * once to encrypt the rows already there.
 */
export type EncryptedTable = {
  /** SQL name of the table. */
  table: string;
  /** Its primary key column (an integer), for batching. */
  key: string;
  /** Text columns, encrypted whole. */
  columns: readonly string[];
  /** Text fields inside jsonb columns. */
  jsonFields?: readonly { column: string; field: string }[];
  /** Only rows matching this SQL condition hold encrypted values (e.g. one event type). */
  where?: string;
  /** The blind index column (text[]) and the encrypted columns it is computed from. */
  blindIndex?: { column: string; sources: Readonly<Record<string, BlindKind>> };
};

export const ENCRYPTED_TABLES: readonly EncryptedTable[] = [
  {
    table: 'users',
    key: 'id',
    columns: ['display_name'],
    blindIndex: { column: 'blind_index', sources: { display_name: 'name' } },
  },
  {
    table: 'addresses',
    key: 'id',
    columns: ['full_name', 'line1', 'line2', 'city', 'region', 'postal_code', 'phone'],
    blindIndex: { column: 'blind_index', sources: { full_name: 'name', phone: 'phone' } },
  },
  {
    table: 'orders',
    key: 'id',
    columns: ['ship_name', 'ship_line1', 'ship_line2', 'ship_city', 'ship_region', 'ship_postal_code', 'ship_phone'],
    blindIndex: { column: 'blind_index', sources: { ship_name: 'name', ship_phone: 'phone' } },
  },
  {
    // Staff notes on an order's timeline (they name people: "customer called, her neighbour has it").
    table: 'order_events',
    key: 'id',
    columns: [],
    jsonFields: [{ column: 'data', field: 'text' }],
    where: "type = 'note'",
  },
  {
    // Sign-ups waiting for their mailed link (lib/accounts/registration.ts).
    table: 'registrations',
    key: 'id',
    columns: ['display_name'],
  },
  {
    // The mail outbox (lib/mail/stored.ts): recipient, subject and the template's data (names,
    // addresses, order lines); secret links are never stored. The recipient's keyed hash (to_hash)
    // is under NEXTAUTH_SECRET, not these keys (lib/mail/recipient.ts).
    table: 'mail_outbox',
    key: 'id',
    columns: ['to_address', 'subject', 'data', 'last_error'],
  },
];

/** The encryption context (bound into the ciphertext) of a column or jsonb field. */
export const contextOf = (table: string, column: string, field?: string) =>
  field ? `${table}.${column}.${field}` : `${table}.${column}`;

import 'server-only';
import { blindIndex } from './blind-index';
import { contextOf, ENCRYPTED_TABLES } from './encrypted-columns';
import { decryptOptional, encryptOptional } from './encryption';

type Values<F extends string> = { [K in F]?: string | null };

export type FieldCipher<F extends string> = {
  /** The same object with every listed field encrypted (null and missing fields kept as they are). */
  seal<T extends Values<F>>(values: T): T;
  /** The same row with every listed field decrypted (legacy plain values read as they are). */
  open<T extends Values<F>>(row: T): T;
  /** The blind index of plain values, from the table's index sources (null when there is nothing to index). */
  index(values: Values<F>): string[] | null;
};

/**
 * The mapping between a table's plain fields (as the code names them) and its encrypted columns,
 * for one table of the registry (./encrypted-columns.ts): each table's domain builds one and calls
 * it on every write and read path, instead of calling encrypt/decrypt here and there.
 * Throws at load when a field is mapped to a column the registry does not list, so the rotation
 * command can never miss a column that the code encrypts.
 */
export function fieldCipher<F extends string>(table: string, fields: Record<F, string>): FieldCipher<F> {
  const spec = ENCRYPTED_TABLES.find((t) => t.table === table);
  const entries = Object.entries(fields) as [F, string][];
  for (const [, column] of entries) {
    if (!spec?.columns.includes(column)) throw new Error(`${table}.${column} is not in ENCRYPTED_TABLES`);
  }
  const sources = entries.flatMap(([field, column]) => {
    const kind = spec?.blindIndex?.sources[column];
    return kind ? [{ field, kind }] : [];
  });
  return {
    seal(values) {
      const out: Values<F> = { ...values };
      for (const [field, column] of entries) {
        if (field in values) out[field] = encryptOptional(values[field], contextOf(table, column));
      }
      return out as typeof values;
    },
    open(row) {
      const out: Values<F> = { ...row };
      for (const [field, column] of entries) {
        if (typeof row[field] === 'string') out[field] = decryptOptional(row[field], contextOf(table, column));
      }
      return out as typeof row;
    },
    index(values) {
      return blindIndex(sources.map(({ field, kind }) => ({ kind, value: values[field] })));
    },
  };
}

import 'server-only';
import { fieldCipher } from '@/lib/security/field-cipher';

/**
 * Encryption at rest of the accounts tables: the one place that turns a user's display name and an
 * address book entry into what is stored (AES-256-GCM ciphertext plus a blind index for the back
 * office search) and back. Every write of these columns goes through `seal…`, every read through
 * `open…`; the columns are listed in lib/security/encrypted-columns.ts.
 */

const userFields = fieldCipher('users', { displayName: 'display_name' });

const addressFields = fieldCipher('addresses', {
  fullName: 'full_name',
  line1: 'line1',
  line2: 'line2',
  city: 'city',
  region: 'region',
  postalCode: 'postal_code',
  phone: 'phone',
});

/** The stored form of a display name: the ciphertext and its blind index (both null for no name). */
export function sealDisplayName(displayName: string | null): {
  displayName: string | null;
  blindIndex: string[] | null;
} {
  return {
    displayName: userFields.seal({ displayName }).displayName ?? null,
    blindIndex: userFields.index({ displayName }),
  };
}

/** A stored display name, decrypted. */
export function openDisplayName(stored: string | null | undefined): string | null {
  return stored == null ? null : (userFields.open({ displayName: stored }).displayName ?? null);
}

/**
 * What to call a user: the stored display name, decrypted, when it is set and not blank, else the
 * username (null when both are null, e.g. no user joined).
 */
export function nameOrUsername<U extends string | null>(displayName: string | null, username: U): string | U {
  return openDisplayName(displayName)?.trim() || username;
}

export type AddressFields = {
  fullName: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  phone: string | null;
};

/** The stored form of an address book entry (the country stays plain: shipping and tax read it). */
export function sealAddress<T extends AddressFields>(address: T): T & { blindIndex: string[] | null } {
  return { ...addressFields.seal(address), blindIndex: addressFields.index(address) };
}

/** An address row, decrypted. */
export function openAddress<T extends Partial<AddressFields>>(row: T): T {
  return addressFields.open(row);
}

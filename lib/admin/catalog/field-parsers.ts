import { z } from 'zod';
import { isSlug } from '@/lib/catalog/slug';
import { safeString } from '@/lib/validation/text';
import { LIMITS } from './drafts';
import { parseDuration } from './duration';

/**
 * The field parsers the product, edition, track, credit and media schemas are made of: text as
 * typed in the editor or a CSV cell, to values, or a message key of admin.catalog.errors. Pure.
 */

export const fail = (context: z.RefinementCtx, message: string) => {
  context.addIssue({ code: 'custom', message });
  return z.NEVER;
};

/** Trimmed text (one line unless `multiline`); empty is null unless required. */
export const text = (max: number, { required = false, multiline = false } = {}) =>
  safeString({ error: 'invalid', multiline }).transform((value, context) => {
    const trimmed = value.trim();
    if (!trimmed) return required ? fail(context, 'required') : null;
    if (trimmed.length > max) return fail(context, 'tooLong');
    return trimmed;
  });

export const requiredText = (max: number) => text(max, { required: true }).transform((value) => value as string);

export const oneOf = <T extends string>(values: readonly T[], message = 'invalid') =>
  safeString({ error: message }).transform((value, context) => {
    const trimmed = value.trim();
    if (!trimmed) return fail(context, 'required');
    return (values as readonly string[]).includes(trimmed) ? (trimmed as T) : fail(context, message);
  });

/** A calendar date YYYY-MM-DD (1850–2100), or null when empty. */
export function parseDate(value: string): string | null | undefined {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1850 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return trimmed;
}

export const date = safeString({ error: 'dateInvalid' }).transform((value, context) => {
  const parsed = parseDate(value);
  return parsed === undefined ? fail(context, 'dateInvalid') : parsed;
});

/**
 * A moment: "2025-01-31", "2025-01-31T18:00" (UTC when no offset is given, as the editor labels
 * it), or a full ISO 8601 timestamp with Z or an offset. Null when empty.
 */
export function parseMoment(value: string): Date | null | undefined {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    trimmed,
  );
  if (!match?.[1] || parseDate(match[1]) === undefined) return undefined;
  const [hours, minutes, seconds] = [Number(match[2] ?? 0), Number(match[3] ?? 0), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const zone = match[5] ?? 'Z';
  const iso = `${match[1]}T${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  const result = new Date(iso);
  return Number.isNaN(result.getTime()) ? undefined : result;
}

export const moment = safeString({ error: 'dateInvalid' }).transform((value, context) => {
  const parsed = parseMoment(value);
  return parsed === undefined ? fail(context, 'dateInvalid') : parsed;
});

/** Minor units from "12.99" (two decimals for USD, none for JPY…); null when empty, undefined when bad. */
export function parseMoney(value: string, minorPerMajor: number): number | null | undefined {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const digits = Math.round(Math.log10(minorPerMajor));
  const pattern = digits > 0 ? new RegExp(`^(\\d{1,9})(?:\\.(\\d{1,${digits}}))?$`) : /^(\d{1,9})$/;
  const match = pattern.exec(trimmed);
  if (!match) return undefined;
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  return Number(match[1]) * minorPerMajor + (digits > 0 ? Number(fraction) : 0);
}

/** "12.99" from 1299 minor units (the inverse of parseMoney). */
export function formatMoneyInput(minor: number | null | undefined, minorPerMajor: number): string {
  if (minor === null || minor === undefined) return '';
  const digits = Math.round(Math.log10(minorPerMajor));
  if (digits === 0) return String(minor);
  return `${Math.floor(minor / minorPerMajor)}.${String(minor % minorPerMajor).padStart(digits, '0')}`;
}

export const money = (minorPerMajor: number) =>
  safeString({ error: 'priceInvalid' }).transform((value, context) => {
    const parsed = parseMoney(value, minorPerMajor);
    if (parsed === undefined) return fail(context, 'priceInvalid');
    if (parsed !== null && parsed > LIMITS.priceMinor) return fail(context, 'priceTooHigh');
    return parsed;
  });

/** A whole number in a range, or null when empty. */
export const wholeNumber = (min: number, max: number) =>
  safeString({ error: 'numberInvalid' }).transform((value, context) => {
    const trimmed = value.trim();
    if (!trimmed) return null;
    if (!/^\d{1,9}$/.test(trimmed)) return fail(context, 'numberInvalid');
    const number = Number(trimmed);
    return number < min || number > max ? fail(context, 'numberInvalid') : number;
  });

/** A list typed as "en, fr, zh-Hans" (commas, semicolons or spaces between items). */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\s|]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

export const languages = safeString({ error: 'languagesInvalid' }).transform((value, context) => {
  const items = Array.from(new Set(splitList(value)));
  if (items.length > 40 || !items.every((item) => /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(item))) {
    return fail(context, 'languagesInvalid');
  }
  return items;
});

export const territories = safeString({ error: 'territoriesInvalid' }).transform((value, context) => {
  const items = Array.from(new Set(splitList(value).map((item) => item.toUpperCase())));
  if (items.length > 250 || !items.every((item) => /^[A-Z]{2}$/.test(item))) return fail(context, 'territoriesInvalid');
  return items.sort();
});

/** A URL the store may point at: https/http, or a path on this site (/uploads/…, /previews/…). */
export function isMediaUrl(value: string): boolean {
  if (value.length > 2000) return false;
  if (/^\/(?!\/)[^\s\\]*$/.test(value)) return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const mediaUrl = ({ required = false } = {}) =>
  safeString({ error: 'urlInvalid' }).transform((value, context) => {
    const trimmed = value.trim();
    if (!trimmed) return required ? fail(context, 'required') : null;
    return isMediaUrl(trimmed) ? trimmed : fail(context, 'urlInvalid');
  });

export const slug = safeString({ error: 'slugInvalid' }).transform((value, context) => {
  const trimmed = value.trim();
  if (!trimmed) return fail(context, 'required');
  return isSlug(trimmed) ? trimmed : fail(context, 'slugInvalid');
});

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const sku = safeString({ error: 'skuInvalid' }).transform((value, context) => {
  const trimmed = value.trim();
  if (!trimmed) return fail(context, 'required');
  // SKUs are matched exactly (the unique index); upper case keeps "abc-1" and "ABC-1" from both existing.
  return SKU_PATTERN.test(trimmed) ? trimmed.toUpperCase() : fail(context, 'skuInvalid');
});

/** EAN-8, UPC-A, EAN-13 or GTIN-14: digits only. */
export const barcode = safeString({ error: 'barcodeInvalid' }).transform((value, context) => {
  const trimmed = value.trim().replace(/[\s-]/g, '');
  if (!trimmed) return null;
  return /^\d{8,14}$/.test(trimmed) ? trimmed : fail(context, 'barcodeInvalid');
});

export const duration = safeString({ error: 'durationInvalid' }).transform((value, context) => {
  const parsed = parseDuration(value);
  return parsed === undefined ? fail(context, 'durationInvalid') : parsed;
});

export const id = z.number({ error: 'invalid' }).int().positive().max(2_147_483_647);

/** A schema built once per currency (`minorPerMajor` minor units to the major unit), then reused. */
export function perCurrency<T>(build: (minorPerMajor: number) => T): (minorPerMajor: number) => T {
  const built = new Map<number, T>();
  return (minorPerMajor) => {
    let schema = built.get(minorPerMajor);
    if (!schema) {
      schema = build(minorPerMajor);
      built.set(minorPerMajor, schema);
    }
    return schema;
  };
}

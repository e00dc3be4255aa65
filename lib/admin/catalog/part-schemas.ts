import { z } from 'zod';
import { CREDIT_ROLES, EDITION_FORMATS, MEDIA_KINDS, PUBLICATION_STATUSES } from '@/lib/catalog/formats';
import { safeString } from '@/lib/validation/text';
import { LIMITS } from './drafts';
import {
  barcode,
  date,
  duration,
  fail,
  id,
  languages,
  mediaUrl,
  moment,
  money,
  oneOf,
  perCurrency,
  requiredText,
  sku,
  territories,
  text,
  wholeNumber,
} from './field-parsers';

/** The schemas of what hangs off a product in the editor and the CSV import: editions, tracks, credits, media. */

/** The edition schema for a currency with `minorPerMajor` minor units (built once per currency). */
export const editionSchema = perCurrency(buildEditionSchema);

function buildEditionSchema(minorPerMajor: number) {
  return z
    .object({
      id: id.nullable(),
      sku,
      format: oneOf(EDITION_FORMATS, 'formatInvalid'),
      name: text(200),
      barcode,
      catalogNumber: text(60),
      discCount: wholeNumber(1, 99),
      packaging: text(100),
      vinylWeightGrams: wholeNumber(50, 500),
      vinylSpeedRpm: safeString({ error: 'numberInvalid' }).transform((value, context) => {
        const trimmed = value.trim();
        if (!trimmed) return null;
        return ['33', '45', '78'].includes(trimmed) ? Number(trimmed) : fail(context, 'speedInvalid');
      }),
      vinylColour: text(60),
      regionCode: text(10),
      audioLanguages: languages,
      subtitleLanguages: languages,
      platform: text(60),
      price: money(minorPerMajor).transform((value, context) => (value === null ? fail(context, 'required') : value)),
      status: oneOf(PUBLICATION_STATUSES, 'statusInvalid'),
      releaseDate: date,
      rentable: z.boolean({ error: 'invalid' }),
      rentalPrice: money(minorPerMajor),
      digital: z.boolean({ error: 'invalid' }),
      availableFrom: moment,
      availableUntil: moment,
      territories,
      initialStock: wholeNumber(0, LIMITS.initialStock),
    })
    .superRefine((edition, context) => {
      if (edition.rentable && edition.rentalPrice === null) {
        context.addIssue({ code: 'custom', path: ['rentalPrice'], message: 'rentalPriceRequired' });
      }
      if (edition.availableFrom && edition.availableUntil && edition.availableFrom >= edition.availableUntil) {
        context.addIssue({ code: 'custom', path: ['availableUntil'], message: 'windowOrder' });
      }
      if (edition.digital && edition.initialStock) {
        context.addIssue({ code: 'custom', path: ['initialStock'], message: 'digitalNoStock' });
      }
    })
    .transform(({ price, rentalPrice, ...edition }) => ({
      ...edition,
      priceMinor: price,
      // A rental price only means something for a rentable edition.
      rentalPriceMinor: edition.rentable ? rentalPrice : null,
    }));
}

export const trackSchema = z.object({
  position: requiredText(20),
  discNumber: wholeNumber(1, 99).transform((value) => value ?? 1),
  title: requiredText(300),
  duration,
  previewUrl: mediaUrl(),
});

export const creditSchema = z.object({
  personId: id,
  role: oneOf(CREDIT_ROLES, 'roleInvalid'),
  character: text(200),
});

export const mediaSchema = z.object({
  kind: oneOf(MEDIA_KINDS),
  url: mediaUrl({ required: true }).transform((value) => value as string),
  alt: text(300).transform((value) => value ?? ''),
  width: z.number().int().positive().max(100_000).nullable(),
  height: z.number().int().positive().max(100_000).nullable(),
});

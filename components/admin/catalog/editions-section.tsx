'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FORMATS_BY_KIND, type ProductKind } from '@/lib/catalog/formats';
import { must } from '@/lib/must';
import { emptyEdition, type EditorEditionState } from './editor-state';
import { CheckboxField, Field, SelectField } from '@/components/ui/field';
import { EditorSection, SmallButton, useErrorText } from './fields';

const VIDEO_FORMATS = ['dvd', 'bluray', 'uhd_bluray', 'digital_video'];
const GAME_FORMATS = ['game_disc', 'game_cartridge', 'game_digital'];

/**
 * Editions: the formats a product is sold in, each with its SKU, price, status, format facts,
 * selling rules (pre-order date, rental, digital, rights window, territories) and, for a new one,
 * its starting stock. Existing stock is shown, never edited: it is the stock ledger's sum.
 */
export function EditionsSection({
  kind,
  editions,
  onChange,
  errors,
  currency,
}: {
  kind: ProductKind;
  editions: EditorEditionState[];
  onChange: (editions: EditorEditionState[], structural?: boolean) => void;
  errors: Record<string, string>;
  currency: string;
}) {
  const t = useTranslations('admin.catalog.editions');
  const tFormat = useTranslations('common.format');
  const tStatus = useTranslations('admin.catalog.status');
  const errorText = useErrorText();
  const [announcement, setAnnouncement] = useState('');
  const formats = FORMATS_BY_KIND[kind];

  const set = (index: number, patch: Partial<EditorEditionState>) =>
    onChange(editions.map((edition, i) => (i === index ? { ...edition, ...patch } : edition)));
  const add = () => {
    const edition = emptyEdition(must(formats[0], `an edition format for ${kind}`));
    onChange([...editions, edition], true);
    setAnnouncement(t('added'));
    requestAnimationFrame(() => document.getElementById(`edition-${edition.key}-sku`)?.focus());
  };
  const remove = (index: number) => {
    setAnnouncement(t('removed', { sku: editions[index]?.sku || index + 1 }));
    onChange(
      editions.filter((_, i) => i !== index),
      true,
    );
  };

  return (
    <EditorSection
      id="editions-heading"
      title={t('title')}
      intro={t('intro')}
      announcement={announcement}
      error={errorText(errors.editions)}
    >
      {editions.length === 0 && (
        <p className="mt-4 rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t('empty')}</p>
      )}
      <div className="mt-4 space-y-4">
        {editions.map((edition, index) => {
          const error = (field: string) => errorText(errors[`editions.${index}.${field}`]);
          const title = `${tFormat(edition.format as never)}${edition.sku ? ` · ${edition.sku}` : ''}`;
          const formatOptions = (
            formats.includes(edition.format as never) ? formats : [edition.format, ...formats]
          ).map((format) => ({ value: format, label: tFormat(format as never) }));
          return (
            <fieldset key={edition.key} className="rounded-lg border border-stone-200 p-3">
              <legend className="px-1 text-sm font-semibold">{t('legend', { number: index + 1, title })}</legend>
              {errors[`editions.${index}`] && (
                <p className="text-sm font-medium text-brand-700">{errorText(errors[`editions.${index}`])}</p>
              )}
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                <SelectField
                  label={t('format')}
                  value={edition.format}
                  options={formatOptions}
                  onChange={(e) => set(index, { format: e.target.value })}
                  error={error('format')}
                />
                <Field
                  id={`edition-${edition.key}-sku`}
                  label={t('sku')}
                  value={edition.sku}
                  onChange={(e) => set(index, { sku: e.target.value })}
                  error={error('sku')}
                  autoCapitalize="characters"
                  maxLength={100}
                  required
                />
                <Field
                  label={t('name')}
                  hint={t('nameHint')}
                  value={edition.name}
                  onChange={(e) => set(index, { name: e.target.value })}
                  error={error('name')}
                />
                <Field
                  label={t('price', { currency })}
                  value={edition.price}
                  inputMode="decimal"
                  onChange={(e) => set(index, { price: e.target.value })}
                  error={error('price')}
                  required
                />
                <SelectField
                  label={t('status')}
                  value={edition.status}
                  options={['draft', 'active', 'archived'].map((s) => ({ value: s, label: tStatus(s) }))}
                  onChange={(e) => set(index, { status: e.target.value })}
                  error={error('status')}
                />
                <Field
                  type="date"
                  label={t('releaseDate')}
                  hint={t('releaseDateHint')}
                  value={edition.releaseDate}
                  onChange={(e) => set(index, { releaseDate: e.target.value })}
                  error={error('releaseDate')}
                />
                <Field
                  label={t('barcode')}
                  value={edition.barcode}
                  inputMode="numeric"
                  onChange={(e) => set(index, { barcode: e.target.value })}
                  error={error('barcode')}
                />
                <Field
                  label={t('catalogNumber')}
                  value={edition.catalogNumber}
                  onChange={(e) => set(index, { catalogNumber: e.target.value })}
                  error={error('catalogNumber')}
                />
                {!edition.digital && (
                  <>
                    <Field
                      label={t('discCount')}
                      value={edition.discCount}
                      inputMode="numeric"
                      onChange={(e) => set(index, { discCount: e.target.value })}
                      error={error('discCount')}
                    />
                    <Field
                      label={t('packaging')}
                      value={edition.packaging}
                      onChange={(e) => set(index, { packaging: e.target.value })}
                      error={error('packaging')}
                    />
                  </>
                )}
                {edition.format === 'vinyl' && (
                  <>
                    <Field
                      label={t('vinylWeight')}
                      value={edition.vinylWeightGrams}
                      inputMode="numeric"
                      onChange={(e) => set(index, { vinylWeightGrams: e.target.value })}
                      error={error('vinylWeightGrams')}
                    />
                    <SelectField
                      label={t('vinylSpeed')}
                      value={edition.vinylSpeedRpm}
                      options={[
                        { value: '', label: t('unknown') },
                        { value: '33', label: '33⅓' },
                        { value: '45', label: '45' },
                        { value: '78', label: '78' },
                      ]}
                      onChange={(e) => set(index, { vinylSpeedRpm: e.target.value })}
                      error={error('vinylSpeedRpm')}
                    />
                    <Field
                      label={t('vinylColour')}
                      value={edition.vinylColour}
                      onChange={(e) => set(index, { vinylColour: e.target.value })}
                      error={error('vinylColour')}
                    />
                  </>
                )}
                {VIDEO_FORMATS.includes(edition.format) && (
                  <>
                    {edition.format !== 'digital_video' && (
                      <Field
                        label={t('regionCode')}
                        hint={t('regionCodeHint')}
                        value={edition.regionCode}
                        onChange={(e) => set(index, { regionCode: e.target.value })}
                        error={error('regionCode')}
                      />
                    )}
                    <Field
                      label={t('audioLanguages')}
                      hint={t('languagesHint')}
                      value={edition.audioLanguages}
                      onChange={(e) => set(index, { audioLanguages: e.target.value })}
                      error={error('audioLanguages')}
                    />
                    <Field
                      label={t('subtitleLanguages')}
                      hint={t('languagesHint')}
                      value={edition.subtitleLanguages}
                      onChange={(e) => set(index, { subtitleLanguages: e.target.value })}
                      error={error('subtitleLanguages')}
                    />
                  </>
                )}
                {GAME_FORMATS.includes(edition.format) && (
                  <Field
                    label={t('platform')}
                    value={edition.platform}
                    onChange={(e) => set(index, { platform: e.target.value })}
                    error={error('platform')}
                  />
                )}
              </div>

              <div className="mt-4 grid gap-3 border-t border-stone-100 pt-3 sm:grid-cols-2 lg:grid-cols-3">
                <CheckboxField
                  label={t('digital')}
                  hint={t('digitalHint')}
                  checked={edition.digital}
                  onChange={(e) => set(index, { digital: e.target.checked })}
                  error={error('digital')}
                />
                <CheckboxField
                  label={t('rentable')}
                  hint={t('rentableHint')}
                  checked={edition.rentable}
                  onChange={(e) => set(index, { rentable: e.target.checked })}
                  error={error('rentable')}
                />
                {edition.rentable && (
                  <Field
                    label={t('rentalPrice', { currency })}
                    value={edition.rentalPrice}
                    inputMode="decimal"
                    onChange={(e) => set(index, { rentalPrice: e.target.value })}
                    error={error('rentalPrice')}
                  />
                )}
                <Field
                  type="datetime-local"
                  label={t('availableFrom')}
                  hint={t('utcHint')}
                  value={edition.availableFrom}
                  onChange={(e) => set(index, { availableFrom: e.target.value })}
                  error={error('availableFrom')}
                />
                <Field
                  type="datetime-local"
                  label={t('availableUntil')}
                  hint={t('utcHint')}
                  value={edition.availableUntil}
                  onChange={(e) => set(index, { availableUntil: e.target.value })}
                  error={error('availableUntil')}
                />
                <Field
                  label={t('territories')}
                  hint={t('territoriesHint')}
                  value={edition.territories}
                  autoCapitalize="characters"
                  onChange={(e) => set(index, { territories: e.target.value })}
                  error={error('territories')}
                />
              </div>

              <div className="mt-4 flex flex-wrap items-end justify-between gap-3 border-t border-stone-100 pt-3">
                {edition.id === null ? (
                  !edition.digital && (
                    <Field
                      label={t('initialStock')}
                      hint={t('initialStockHint')}
                      value={edition.initialStock}
                      inputMode="numeric"
                      onChange={(e) => set(index, { initialStock: e.target.value })}
                      error={error('initialStock')}
                    />
                  )
                ) : (
                  <p className="text-sm text-stone-700">
                    {edition.digital ? t('stockDigital') : t('stock', { count: edition.stock })}
                  </p>
                )}
                <div className="text-right">
                  <SmallButton
                    tone="danger"
                    onClick={() => remove(index)}
                    disabled={edition.locked}
                    aria-label={t('remove', { title })}
                    aria-describedby={edition.locked ? `edition-${edition.key}-locked` : undefined}
                  >
                    {t('removeShort')}
                  </SmallButton>
                  {edition.locked && (
                    <p id={`edition-${edition.key}-locked`} className="mt-1 text-xs text-stone-500">
                      {t('locked')}
                    </p>
                  )}
                </div>
              </div>
            </fieldset>
          );
        })}
      </div>
      <div className="mt-3">
        <SmallButton onClick={add}>{t('add')}</SmallButton>
      </div>
    </EditorSection>
  );
}

/**
 * Money is integer minor units plus an ISO 4217 code. This is the one formatter for it; never build
 * a price string by concatenation.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${whole}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(whole ? { maximumFractionDigits: 0 } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

const minorUnits = new Map<string, number>();

/** How many minor units make one major unit (100 for USD and CNY, 1 for JPY, 1000 for KWD…). */
export function minorUnitsPerMajor(currency: string): number {
  // Remembered: building an Intl.NumberFormat costs ~30 µs, and every price shown asks.
  let units = minorUnits.get(currency);
  if (units === undefined) {
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    units = 10 ** digits;
    minorUnits.set(currency, units);
  }
  return units;
}

/** "$12.99" in en-US, "US$12.99" in zh-CN; with `whole`, "$10" (for round amounts such as price ranges). */
export function formatMoney(amountMinor: number, currency: string, locale: string, { whole = false } = {}): string {
  return formatterFor(locale, currency, whole).format(amountMinor / minorUnitsPerMajor(currency));
}

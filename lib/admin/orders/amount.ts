import { minorUnitsPerMajor } from '@/lib/money/format';

/**
 * Amounts typed by staff ("12.50", "12", "1,299.00") in a currency's major units, turned into
 * integer minor units without floating-point arithmetic. More decimals than the currency has (or
 * anything that is not a plain number) is refused with null, never rounded.
 */
export function parseAmountToMinor(input: unknown, currency: string): number | null {
  if (typeof input !== 'string') return null;
  const text = input.trim().replace(/(?<=\d),(?=\d{3}(\D|$))/g, '');
  const digits = Math.round(Math.log10(minorUnitsPerMajor(currency)));
  const match = /^(\d{1,9})(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  if (fraction.length > digits) return null;
  // Stryker disable next-line StringLiteral: Number('') is 0 as well, so '0' and '' are the same here.
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) && minor <= 2_147_483_647 ? minor : null;
}

/** Minor units as the text an amount field starts with ("12.50"; "1500" for JPY). */
export function minorToInput(minor: number, currency: string): string {
  const digits = Math.round(Math.log10(minorUnitsPerMajor(currency)));
  if (digits === 0) return String(minor);
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

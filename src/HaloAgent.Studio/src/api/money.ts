/** ₦ with thousands separators from kobo. */
export function naira(kobo: number): string {
  const value = kobo / 100;
  return `₦${value.toLocaleString('en-NG', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 })}`;
}

/**
 * Kobo from what an owner types as naira ("3500", "₦3,500.50", "3 500"): the inverse of {@link naira}, so prices are
 * stored in kobo everywhere. Null when it is not an amount of naira with at most two decimals, or is negative.
 */
export function koboFromNaira(text: string): number | null {
  const cleaned = text.replace(/[₦,\s]/g, '').replace(/^NGN/i, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  const kobo = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(kobo) ? kobo : null;
}

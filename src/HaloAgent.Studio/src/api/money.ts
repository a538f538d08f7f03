/** ₦ with thousands separators from kobo. */
export function naira(kobo: number): string {
  const value = kobo / 100;
  return `₦${value.toLocaleString('en-NG', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 })}`;
}

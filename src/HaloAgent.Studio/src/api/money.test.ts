import { describe, expect, it } from 'vitest';
import { koboFromNaira, naira } from './money';

describe('koboFromNaira', () => {
  it('reads naira as owners type them', () => {
    expect(koboFromNaira('3500')).toBe(350000);
    expect(koboFromNaira('₦3,500.5')).toBe(350050);
    expect(koboFromNaira(' 3 500.05 ')).toBe(350005);
    expect(koboFromNaira('0')).toBe(0);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '-200', 'abc', '1.234', '12a', '.5']) expect(koboFromNaira(bad), bad).toBeNull();
  });

  it('is the inverse of naira()', () => {
    for (const kobo of [0, 80000, 350050, 123456789]) expect(koboFromNaira(naira(kobo))).toBe(kobo);
  });
});

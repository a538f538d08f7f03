import { describe, expect, it } from 'vitest';
import { readThemeChoice, resolveTheme } from './theme';

describe('theme', () => {
  it('follows the device until the owner chooses, then keeps their choice', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('reads only a known stored choice; anything else is "system"', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(readThemeChoice(storage('dark'))).toBe('dark');
    expect(readThemeChoice(storage('light'))).toBe('light');
    expect(readThemeChoice(storage('purple'))).toBe('system');
    expect(readThemeChoice(storage(null))).toBe('system');
    expect(readThemeChoice(null)).toBe('system');
  });
});

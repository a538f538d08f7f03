import { describe, expect, it } from 'vitest';
import { hoursOf } from './shop';

describe('hoursOf', () => {
  it('reads a window with or without spaces and pads single-digit hours', () => {
    expect(hoursOf('08:00-21:00')).toEqual(['08:00', '21:00']);
    expect(hoursOf(' 9:30 – 23:00 ')).toEqual(['09:30', '23:00']);
  });

  it('reads closed, a missing day and anything else as closed', () => {
    expect(hoursOf('closed')).toBeNull();
    expect(hoursOf(undefined)).toBeNull();
    expect(hoursOf('8am till late')).toBeNull();
  });
});

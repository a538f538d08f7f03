import { describe, expect, it } from 'vitest';
import { withText } from './TemplateTexts';

describe('withText', () => {
  it('keeps the languages in order and drops an emptied one (English stands in)', () => {
    expect(withText({ en: 'Hi', yo: 'Ẹ kú' }, 'yo', '')).toEqual({ en: 'Hi' });
    expect(withText({ en: 'Hi' }, 'ha', 'Sannu')).toEqual({ en: 'Hi', ha: 'Sannu' });
  });

  it('keeps an empty English while another language has text, and nothing at all once every text is gone', () => {
    expect(withText({ en: 'Hi', yo: 'Ẹ kú' }, 'en', '')).toEqual({ en: '', yo: 'Ẹ kú' });
    expect(withText({ en: 'Hi' }, 'en', '')).toBeUndefined();
  });
});

import { useState } from 'react';
import { chooseTheme, readThemeChoice, type ThemeChoice } from '../theme';

const CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Light, dark or the device's setting; a segmented control, so one tap on a phone switches. */
export function ThemeSwitch() {
  const [choice, setChoice] = useState<ThemeChoice>(readThemeChoice);
  return (
    <div className="theme-switch" role="radiogroup" aria-label="Colour scheme">
      {CHOICES.map((c) => (
        <button
          key={c.value}
          type="button"
          role="radio"
          aria-checked={choice === c.value}
          className={choice === c.value ? 'active' : ''}
          onClick={() => { chooseTheme(c.value); setChoice(c.value); }}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}

/** The dashboard's colour scheme: the owner's choice, kept in this browser; "system" follows the phone's setting. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'halo-theme';
const darkQuery = () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null);

export function readThemeChoice(storage: Pick<Storage, 'getItem'> | null = safeStorage()): ThemeChoice {
  const stored = storage?.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** The scheme to paint: an explicit choice wins; "system" asks the device. */
export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemPrefersDark ? 'dark' : 'light') : choice;
}

/** Paints the page now and again whenever the device's setting changes while "system" is chosen. */
export function applyTheme(choice: ThemeChoice = readThemeChoice()): void {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.theme = resolveTheme(choice, darkQuery()?.matches ?? false);
}

export function chooseTheme(choice: ThemeChoice): void {
  const storage = safeStorage();
  if (choice === 'system') storage?.removeItem(KEY);
  else storage?.setItem(KEY, choice);
  applyTheme(choice);
}

export function followSystemTheme(): void {
  darkQuery()?.addEventListener('change', () => applyTheme());
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (private mode): the default applies
  }
}

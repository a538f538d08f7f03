import { useId, useMemo, useState } from 'react';
import type { EventDefinition } from '../api/types';
import { suggestEvents } from '../flow/events';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  catalog: readonly EventDefinition[];
  /** Event names this flow already uses (suggested too, even when the catalogue does not know them). */
  used: readonly string[];
  placeholder?: string;
  invalid?: boolean;
}

/**
 * The event-name field: a text box that suggests the events the product raises, each with what it means, as a
 * listbox under it (a datalist cannot show descriptions everywhere, and cannot be tested in a headless browser).
 * Any name can still be typed: flows may also wait for events raised through POST /api/events.
 */
export function EventNameInput({ label, value, onChange, catalog, used, placeholder, invalid }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useMemo(() => suggestEvents(catalog, used, value), [catalog, used, value]);
  const shown = open && suggestions.length > 0;
  const pick = (name: string) => {
    onChange(name);
    setOpen(false);
    setActive(-1);
  };
  return (
    <div className="suggest">
      <input
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        className={invalid ? 'invalid' : ''}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((a) => (suggestions.length ? (a + step + suggestions.length) % suggestions.length : -1));
          } else if (e.key === 'Enter' && shown && active >= 0) {
            e.preventDefault();
            pick(suggestions[active].name);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {shown && (
        <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="suggestions">
          {suggestions.map((s, i) => (
            <li
              key={s.name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              // mousedown, not click: the input keeps its focus, so the list does not close before the pick.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s.name);
              }}
            >
              <code>{s.name}</code>
              <span className="hint">{s.description ?? 'used in this flow'}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useId, useState } from 'react';
import { LANGUAGES } from '../../api/templates';
import { type DishFields } from './dishForm';

interface Props {
  initial: DishFields;
  categories: string[];
  /** A new dish may be given a SKU; an existing one keeps its own. */
  isNew: boolean;
  /** Agents change the count only; names, price and category are the owner's. */
  ownerFields: boolean;
  busy: boolean;
  error: string | null;
  onSave: (fields: DishFields) => void;
  onCancel: () => void;
}

/** The dish's fields, one column on a phone: names in the five languages, words customers use, price in naira. */
export function DishForm({ initial, categories, isNew, ownerFields, busy, error, onSave, onCancel }: Props) {
  const [fields, setFields] = useState(initial);
  const id = useId();
  const set = (patch: Partial<DishFields>) => setFields((f) => ({ ...f, ...patch }));
  return (
    <form
      className="dish-form"
      aria-label={isNew ? 'New dish' : `Edit ${initial.names.en}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(fields);
      }}
    >
      {ownerFields && (
        <fieldset>
          <legend>Names</legend>
          {LANGUAGES.map((l) => (
            <label key={l.code}>
              {l.name}{l.code === 'en' ? ' (required)' : ''}
              <input value={fields.names[l.code] ?? ''} onChange={(e) => set({ names: { ...fields.names, [l.code]: e.target.value } })} lang={l.code} />
            </label>
          ))}
          <label>
            Other words customers use <span className="hint">(commas between them)</span>
            <input value={fields.aliases} onChange={(e) => set({ aliases: e.target.value })} placeholder="e.g. party jollof, iresi" />
          </label>
        </fieldset>
      )}
      <div className="dish-form-row">
        {ownerFields && (
          <label>
            Price (₦)
            <input inputMode="decimal" value={fields.price} onChange={(e) => set({ price: e.target.value })} placeholder="3500" />
          </label>
        )}
        <label>
          Stock
          <input type="number" inputMode="numeric" min={0} step={1} value={fields.stock} onChange={(e) => set({ stock: e.target.value })} />
        </label>
      </div>
      {ownerFields && (
        <label>
          Category <span className="hint">(type a new one to create it)</span>
          <input list={`${id}-categories`} value={fields.category} onChange={(e) => set({ category: e.target.value })} />
          <datalist id={`${id}-categories`}>{categories.map((c) => <option key={c} value={c} />)}</datalist>
        </label>
      )}
      {isNew && (
        <label>
          SKU <span className="hint">(optional: made from the English name)</span>
          <input value={fields.sku} onChange={(e) => set({ sku: e.target.value })} placeholder="EFO-RIRO" autoCapitalize="characters" />
        </label>
      )}
      {error && <div className="banner error" role="alert">{error}</div>}
      <div className="dish-form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : isNew ? 'Add dish' : 'Save'}</button>
        <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}

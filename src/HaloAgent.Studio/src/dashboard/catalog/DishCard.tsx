import { useState } from 'react';
import { type CatalogItem, catalogApi } from '../../api/catalog';
import { errorMessage } from '../../api/http';
import { naira } from '../../api/money';
import { DishForm } from './DishForm';
import { editOf, fieldsOf } from './dishForm';

interface Props {
  item: CatalogItem;
  categories: string[];
  /** Owner: everything. Agent: stock and sold out. Marketer: nothing (read only). */
  canEditAll: boolean;
  canEditAvailability: boolean;
  onChanged: (item: CatalogItem) => void;
}

/** The mark ends at midnight in Lagos: "back on sale Tue" says when without a confusing 00:00. */
const soldOutLabel = (until?: string | null) =>
  until ? `Sold out · back on sale ${new Date(until).toLocaleDateString('en-NG', { weekday: 'short', timeZone: 'Africa/Lagos' })}` : 'Sold out today';

/** One dish: photo, names, price and stock at a glance; a one-tap "sold out today"; the form to change the rest. */
export function DishCard({ item, categories, canEditAll, canEditAvailability, onChanged }: Props) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (change: () => Promise<CatalogItem>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await change());
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const toggleSoldOut = () => run(() => catalogApi.availability(item.sku, { soldOutToday: !item.soldOut }));

  const uploadPhoto = (file: File | undefined) => {
    if (file) void run(() => catalogApi.uploadPhoto(item.sku, file));
  };

  return (
    <li className={`dish-card${item.soldOut ? ' sold-out' : ''}`} data-sku={item.sku} aria-label={item.name}>
      <div className="dish-summary">
        {item.imageUrl ? <img className="dish-photo" src={item.imageUrl} alt="" loading="lazy" /> : <div className="dish-photo empty" aria-hidden="true">No photo</div>}
        <div className="dish-text">
          <div className="dish-name">{item.name}</div>
          <div className="hint">
            <span className="mono">{item.sku}</span>
            {item.category ? ` · ${item.category}` : ''}
          </div>
          <div className="dish-facts">
            <strong className="dish-price">{naira(item.priceKobo)}</strong>
            <span>Stock {item.stock ?? '—'}</span>
            {item.soldOut && <span className="badge warn">{soldOutLabel(item.soldOutUntil)}</span>}
            {!item.soldOut && !item.available && <span className="badge warn">Not available</span>}
            {!item.soldOut && item.available && item.lowStock && <span className="badge warn">Low stock</span>}
            {item.active === false && <span className="badge muted">Hidden</span>}
          </div>
        </div>
      </div>
      {(canEditAvailability || canEditAll) && !editing && (
        <div className="dish-actions">
          {canEditAvailability && (
            <button type="button" className={`sold-out-toggle${item.soldOut ? ' on' : ''}`} aria-pressed={!!item.soldOut} onClick={toggleSoldOut} disabled={busy}>
              {item.soldOut ? 'Sold out today ✓' : 'Sold out today'}
            </button>
          )}
          <button type="button" onClick={() => setEditing(true)}>Edit</button>
          {canEditAll && (
            <label className="button photo-button">
              {item.imageUrl ? 'Change photo' : 'Add photo'}
              <input type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => uploadPhoto(e.target.files?.[0])} disabled={busy} />
            </label>
          )}
        </div>
      )}
      {error && !editing && <div className="banner error" role="alert">{error}</div>}
      {editing && (
        <DishForm
          initial={fieldsOf(item)}
          categories={categories}
          isNew={false}
          ownerFields={canEditAll}
          busy={busy}
          error={error}
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
          onSave={async (fields) => {
            const checked = editOf(fields);
            if (!checked.ok) {
              setError(checked.message);
              return;
            }
            const ok = canEditAll
              ? await run(() => catalogApi.edit(item.sku, checked.value))
              : await run(() => catalogApi.availability(item.sku, { stock: checked.value.stock }));
            if (ok) setEditing(false);
          }}
        />
      )}
    </li>
  );
}

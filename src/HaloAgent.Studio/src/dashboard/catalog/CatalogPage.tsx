import { useMemo, useState } from 'react';
import { type CatalogItem, catalogApi } from '../../api/catalog';
import { errorMessage } from '../../api/http';
import { canManagePayments, isOwner, useRole } from '../../api/permissions';
import { download } from '../../components/util';
import { Guard, useLoad } from '../load';
import { CategoryList } from './CategoryList';
import { DishCard } from './DishCard';
import { DishForm } from './DishForm';
import { emptyDish, newDishOf } from './dishForm';
import './catalog.css';

/**
 * Route /catalog: the menu the agent sells from. The agent reads it on every customer message, so what is saved here
 * (a price, "sold out today", a new dish's names) is what the next customer hears.
 */
export function CatalogPage() {
  const [items, reload, update] = useLoad(() => catalogApi.list(), []);
  const role = useRole();
  // Mirrors the server: prices, names, categories and photos are the owner's; the count and sold out also the agent's.
  const canEditAll = role === undefined || isOwner(role);
  const canEditAvailability = canManagePayments(role);
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState('');

  const list = items.state === 'ready' ? items.data : [];
  const categories = useMemo(() => [...new Set(list.map((i) => i.category).filter((c): c is string => !!c))].sort(), [list]);
  const replace = (changed: CatalogItem) => update((all) => all.map((i) => (i.sku === changed.sku ? changed : i)));

  return (
    <div className="page catalog-page">
      <div className="page-head">
        <h1>Catalog</h1>
        <span className="spacer" />
        {canEditAll && !adding && <button type="button" className="primary" onClick={() => { setAdding(true); setAddError(null); }}>Add dish</button>}
        {items.state === 'ready' && <button type="button" onClick={() => download('catalog.json', JSON.stringify(items.data, null, 2))}>Export</button>}
      </div>
      {adding && (
        <div className="card">
          <h2>New dish</h2>
          <DishForm
            initial={emptyDish()}
            categories={categories}
            isNew
            ownerFields
            busy={busy}
            error={addError}
            onCancel={() => setAdding(false)}
            onSave={async (fields) => {
              const checked = newDishOf(fields);
              if (!checked.ok) {
                setAddError(checked.message);
                return;
              }
              setBusy(true);
              setAddError(null);
              try {
                const added = await catalogApi.add(checked.value);
                update((all) => [...all, added]);
                setAdding(false);
              } catch (e) {
                setAddError(errorMessage(e));
              } finally {
                setBusy(false);
              }
            }}
          />
        </div>
      )}
      <Guard load={items} endpoint="GET /api/catalog" reload={reload}>
        {(all: CatalogItem[]) => (
          <>
            {categories.length > 0 && (
              <div className="category-chips" role="group" aria-label="Show category">
                <button type="button" className={filter === '' ? 'active' : ''} aria-pressed={filter === ''} onClick={() => setFilter('')}>All</button>
                {categories.map((c) => (
                  <button key={c} type="button" className={filter === c ? 'active' : ''} aria-pressed={filter === c} onClick={() => setFilter(c)}>{c}</button>
                ))}
              </div>
            )}
            <ul className="dish-list">
              {all.filter((i) => !filter || i.category === filter).map((i) => (
                <DishCard key={i.sku} item={i} categories={categories} canEditAll={canEditAll} canEditAvailability={canEditAvailability} onChanged={replace} />
              ))}
            </ul>
            {canEditAll && categories.length > 0 && <CategoryList categories={categories} onRenamed={reload} />}
          </>
        )}
      </Guard>
    </div>
  );
}

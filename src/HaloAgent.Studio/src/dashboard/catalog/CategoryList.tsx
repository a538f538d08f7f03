import { useState } from 'react';
import { catalogApi } from '../../api/catalog';
import { errorMessage } from '../../api/http';

/**
 * The categories in use, each renamable (every dish in it moves). A category is created by typing a new one on a dish:
 * a category with no dish in it would be an empty heading on the menu.
 */
export function CategoryList({ categories, onRenamed }: { categories: string[]; onRenamed: () => void }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (from: string) => {
    setError(null);
    try {
      await catalogApi.renameCategory(from, name);
      setRenaming(null);
      onRenamed();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <details className="card category-list">
      <summary>Categories ({categories.length})</summary>
      <ul>
        {categories.map((c) => (
          <li key={c}>
            {renaming === c ? (
              <form onSubmit={(e) => { e.preventDefault(); void save(c); }} className="category-rename">
                <input aria-label={`New name for ${c}`} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
                <button type="submit" className="primary">Rename</button>
                <button type="button" onClick={() => setRenaming(null)}>Cancel</button>
              </form>
            ) : (
              <>
                <span>{c}</span>
                <button type="button" onClick={() => { setRenaming(c); setName(c); setError(null); }}>Rename</button>
              </>
            )}
          </li>
        ))}
      </ul>
      {error && <div className="banner error" role="alert">{error}</div>}
    </details>
  );
}

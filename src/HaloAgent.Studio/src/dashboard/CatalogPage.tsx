import { catalogApi, type CatalogItem, naira } from '../api/dashboard';
import { download } from '../components/util';
import { Guard, useLoad } from './load';

/** Route /catalog */
export function CatalogPage() {
  const [items, reload] = useLoad(() => catalogApi.list(), []);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Catalog</h1>
        <span className="spacer" />
        {items.state === 'ready' && <button type="button" onClick={() => download('catalog.json', JSON.stringify(items.data, null, 2))}>Export</button>}
      </div>
      <Guard load={items} endpoint="GET /api/catalog" reload={reload}>
        {(list: CatalogItem[]) => (
          <table className="table stack">
            <thead><tr><th>SKU</th><th>Name</th><th>Category</th><th>Price</th><th>Stock</th><th>Available</th></tr></thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.sku}>
                  <td data-label="SKU" className="mono">{i.sku}</td><td data-label="Name">{i.name}</td><td data-label="Category">{i.category}</td><td data-label="Price">{naira(i.priceKobo)}</td>
                  <td data-label="Stock">{i.stock ?? '—'}</td><td data-label="Available">{i.available ? 'yes' : <span className="badge warn">no</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Guard>
    </div>
  );
}

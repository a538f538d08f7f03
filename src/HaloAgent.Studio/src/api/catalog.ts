import { http } from './http';

/** A dish as the dashboard lists it (server: CatalogListItem). */
export interface CatalogItem {
  sku: string;
  name: string;
  category?: string | null;
  priceKobo: number;
  available: boolean;
  stock?: number | null;
  active?: boolean;
  lowStock?: boolean;
  /** Language code → name; English is always there. */
  names?: Record<string, string>;
  aliases?: string[];
  /** Marked "sold out today"; clears itself at {@link soldOutUntil} (the next business day). */
  soldOut?: boolean;
  soldOutUntil?: string | null;
  imageUrl?: string | null;
}

export interface NewDish {
  sku?: string;
  names: Record<string, string>;
  aliases: string[];
  priceKobo: number;
  stock: number;
  category?: string;
}

/** Only the fields sent change; an empty category takes the dish out of its category. */
export interface DishEdit {
  priceKobo?: number;
  stock?: number;
  soldOutToday?: boolean;
  category?: string;
  names?: Record<string, string>;
  aliases?: string[];
}

const dish = (sku: string) => `/api/catalog/${encodeURIComponent(sku)}`;

export const catalogApi = {
  list: () => http.get<CatalogItem[]>('/api/catalog'),
  add: (body: NewDish) => http.post<CatalogItem>('/api/catalog', body),
  /** Owner: price, names, category and the rest. */
  edit: (sku: string, body: DishEdit) => http.request<CatalogItem>(dish(sku), { method: 'PATCH', body }),
  /** Owner or agent: the count and "sold out today". */
  availability: (sku: string, body: { stock?: number; soldOutToday?: boolean }) => http.put<CatalogItem>(`${dish(sku)}/availability`, body),
  renameCategory: (from: string, to: string) => http.post<{ from: string; to: string; dishes: number }>('/api/catalog/categories/rename', { from, to }),
  /** The image itself as the body; the server checks its size (413) and type (415). */
  uploadPhoto: (sku: string, file: Blob) =>
    http.request<CatalogItem>(`${dish(sku)}/photo`, { method: 'POST', rawBody: file, headers: { 'Content-Type': file.type || 'application/octet-stream' } }),
};

import { http } from './http';

export interface CatalogItem {
  sku: string;
  name: string;
  category?: string | null;
  priceKobo: number;
  available: boolean;
  stock?: number | null;
}

export const catalogApi = {
  list: () => http.get<CatalogItem[]>('/api/catalog'),
};

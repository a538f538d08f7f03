import { http } from './http';

export interface SalesPoint {
  date: string;
  orders: number;
  revenueKobo: number;
}

export interface SalesStats {
  days: number;
  totalOrders: number;
  totalRevenueKobo: number;
  points: SalesPoint[];
}

export const statsApi = {
  sales: (days: number) => http.get<SalesStats>('/api/stats/sales', { days }),
};

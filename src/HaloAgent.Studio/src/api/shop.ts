import { http } from './http';

export interface DeliveryZone {
  name: string;
  feeKobo: number;
}

export interface BankDetails {
  bankName: string;
  accountNumber: string;
  accountName: string;
}

/** The server's ShopSettings: what customers are told about the shop. */
export interface ShopSettings {
  name: string;
  pickupAddress: string | null;
  /** Day ("mon".."sun") to "HH:mm-HH:mm" or "closed"; a day left out reads as closed. */
  openingHours: Record<string, string>;
  deliveryZones: DeliveryZone[];
  bank: BankDetails | null;
  templateLanguageFallback: string;
}

/** The server's PaymentSettings (the owner's call: how customers may pay and what is confirmed without a person). */
export interface PaymentSettings {
  bankTransfer: boolean;
  payOnDelivery: boolean;
  paystack: boolean;
  autoConfirmReceipts: boolean;
  autoConfirmMinScore: number;
  autoConfirmMaxKobo: number;
}

export const DAYS: { key: string; label: string }[] = [
  { key: 'mon', label: 'Monday' },
  { key: 'tue', label: 'Tuesday' },
  { key: 'wed', label: 'Wednesday' },
  { key: 'thu', label: 'Thursday' },
  { key: 'fri', label: 'Friday' },
  { key: 'sat', label: 'Saturday' },
  { key: 'sun', label: 'Sunday' },
];

/** "08:00-21:00" → ["08:00", "21:00"]; "closed", a missing day or anything unreadable → null. */
export function hoursOf(value: string | undefined): [string, string] | null {
  const match = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(value ?? '');
  return match ? [match[1].padStart(5, '0'), match[2].padStart(5, '0')] : null;
}

export const shopApi = {
  get: () => http.get<ShopSettings>('/api/shop'),
  save: (settings: ShopSettings) => http.put<ShopSettings>('/api/shop', settings),
  payments: () => http.get<PaymentSettings>('/api/payments/settings'),
  savePayments: (settings: PaymentSettings) => http.put<PaymentSettings>('/api/payments/settings', settings),
};

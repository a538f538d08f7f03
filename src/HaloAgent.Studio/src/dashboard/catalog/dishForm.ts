import type { CatalogItem, DishEdit, NewDish } from '../../api/catalog';
import { koboFromNaira } from '../../api/money';
import { LANGUAGES } from '../../api/templates';

/** What the dish form holds while the owner types: text, as typed (the price in naira). */
export interface DishFields {
  sku: string;
  names: Record<string, string>;
  aliases: string;
  price: string;
  stock: string;
  category: string;
}

export const emptyDish = (): DishFields => ({
  sku: '',
  names: Object.fromEntries(LANGUAGES.map((l) => [l.code, ''])),
  aliases: '',
  price: '',
  stock: '0',
  category: '',
});

export const fieldsOf = (item: CatalogItem): DishFields => ({
  sku: item.sku,
  names: Object.fromEntries(LANGUAGES.map((l) => [l.code, item.names?.[l.code] ?? (l.code === 'en' ? item.name : '')])),
  aliases: (item.aliases ?? []).join(', '),
  price: String(item.priceKobo / 100),
  stock: String(item.stock ?? 0),
  category: item.category ?? '',
});

/** Aliases are typed as one line, separated by commas: "jollof, party jollof, iresi". */
export const splitAliases = (text: string) => text.split(/[,\n]/).map((a) => a.trim()).filter(Boolean);

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

function common(fields: DishFields): Checked<{ priceKobo: number; stock: number; names: Record<string, string> }> {
  if (!fields.names.en?.trim()) return { ok: false, message: 'Give the dish an English name: customers in every language fall back to it.' };
  const priceKobo = koboFromNaira(fields.price);
  if (priceKobo === null) return { ok: false, message: 'Enter the price in naira, e.g. 3500 or 3,500.50.' };
  const stock = Number(fields.stock);
  if (!Number.isInteger(stock) || stock < 0) return { ok: false, message: 'Stock is a whole number of portions, 0 or more.' };
  const names = Object.fromEntries(Object.entries(fields.names).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
  return { ok: true, value: { priceKobo, stock, names } };
}

export function newDishOf(fields: DishFields): Checked<NewDish> {
  const checked = common(fields);
  if (!checked.ok) return checked;
  return {
    ok: true,
    value: { ...checked.value, sku: fields.sku.trim() || undefined, aliases: splitAliases(fields.aliases), category: fields.category.trim() || undefined },
  };
}

export function editOf(fields: DishFields): Checked<DishEdit> {
  const checked = common(fields);
  if (!checked.ok) return checked;
  return { ok: true, value: { ...checked.value, aliases: splitAliases(fields.aliases), category: fields.category.trim() } };
}

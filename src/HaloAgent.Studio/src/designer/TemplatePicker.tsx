import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../api/http';
import { LANGUAGES, type TemplateInfo, templatesApi } from '../api/templates';
import type { Json } from '../api/types';

/** What a flow typically passes a message (contact, business, cart, order), for previews. */
export const SAMPLE_DATA = {
  contact: { name: 'Ada', language: 'en', loyaltyPoints: 12, orderCount: 3 },
  business: { name: "Mama Nkechi's Kitchen", slug: 'mama-nkechi', bank: { name: 'GTBank', accountNumber: '0123456789', accountName: 'Mama Nkechi Foods' } },
  cart: { items: [{ sku: 'jollof-l', name: 'Jollof rice (large)', quantity: 2, unitPriceKobo: 350000, lineTotalKobo: 700000 }], itemCount: 2, subtotalKobo: 700000, isEmpty: false },
  order: { number: 'MNK-1042', status: 'PendingPayment', itemCount: 2, subtotalKobo: 700000, deliveryFeeKobo: 100000, totalKobo: 800000, fulfilment: 'delivery', isDelivery: true, zone: 'Yaba', address: '12 Herbert Macaulay Way' },
};

type Preview = { state: 'loading' } | { state: 'ok'; text: string } | { state: 'error'; message: string } | { state: 'unavailable' };

/** Picks a message template key and previews it in the five languages (needs the proposed /api/templates endpoints). */
export function TemplatePicker({ value, onChange, errors, written = false }: { value: string; onChange: (v: string) => void; errors: string[]; written?: boolean }) {
  const listId = useId();
  const [templates, setTemplates] = useState<{ list: TemplateInfo[]; available: boolean } | null>(null);
  const [data, setData] = useState(JSON.stringify(SAMPLE_DATA, null, 2));
  const [showData, setShowData] = useState(false);
  const [previews, setPreviews] = useState<Record<string, Preview>>({});

  useEffect(() => {
    let live = true;
    templatesApi
      .list()
      .then((r) => live && setTemplates({ list: r.value, available: r.available }))
      .catch(() => live && setTemplates({ list: [], available: false }));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!value || !templates?.available || value.includes('{{') || written) {
      setPreviews({});
      return;
    }
    let parsed: Json;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setPreviews(Object.fromEntries(LANGUAGES.map((l) => [l.code, { state: 'loading' } as Preview])));
      for (const lang of LANGUAGES) {
        templatesApi
          .preview(value, lang.code, parsed)
          .then((r) => live && setPreviews((p) => ({ ...p, [lang.code]: r.available && r.value ? { state: 'ok', text: r.value.text } : { state: 'unavailable' } })))
          .catch((e) => live && setPreviews((p) => ({ ...p, [lang.code]: { state: 'error', message: errorMessage(e) } })));
      }
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value, data, templates?.available, written]);

  const known = templates?.list.find((t) => t.key === value);
  return (
    <div className="template-picker">
      <input list={listId} value={value} placeholder="template key, e.g. greeting" onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>{templates?.list.map((t) => <option key={t.key} value={t.key} />)}</datalist>
      {templates && !templates.available && (
        <div className="hint warn">Template list and previews need <code>GET /api/templates</code> and <code>POST /api/templates/preview</code>, which this server does not have yet. Type the key.</div>
      )}
      {written && <div className="hint">This node sends its own text (below), named “{value || '…'}”.</div>}
      {templates?.available && value && !known && !written && !value.includes('{{') && <ul className="field-errors"><li>Unknown template key “{value}”; write its text below to create it.</li></ul>}
      {known && known.languages.length < LANGUAGES.length && (
        <div className="hint warn">Missing in: {LANGUAGES.filter((l) => !known.languages.includes(l.code)).map((l) => l.name).join(', ')} (English is used)</div>
      )}
      {templates?.available && value && !written && (
        <div className="previews">
          {LANGUAGES.map((lang) => {
            const p = previews[lang.code];
            return (
              <div key={lang.code} className="preview">
                <div className="preview-lang">{lang.name} <code>{lang.code}</code></div>
                <div className="bubble">
                  {!p || p.state === 'loading' ? '…' : p.state === 'ok' ? p.text : p.state === 'error' ? <span className="error">{p.message}</span> : 'preview unavailable'}
                </div>
              </div>
            );
          })}
          <button type="button" className="link" onClick={() => setShowData((s) => !s)}>{showData ? 'Hide' : 'Edit'} sample data</button>
          {showData && <textarea className="mono" rows={8} value={data} onChange={(e) => setData(e.target.value)} />}
        </div>
      )}
      {errors.length > 0 && <ul className="field-errors">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
    </div>
  );
}

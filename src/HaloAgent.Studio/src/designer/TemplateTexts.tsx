import { useEffect, useState } from 'react';
import { errorMessage } from '../api/http';
import { LANGUAGES, templatesApi } from '../api/templates';
import type { Json } from '../api/types';
import { Problems } from './editors';
import { SAMPLE_DATA } from './TemplatePicker';
import './templateTexts.css';

type Texts = Partial<Record<string, string>>;
type Preview = { state: 'loading' } | { state: 'ok'; text: string } | { state: 'error'; message: string };

const asTexts = (value: Json | undefined): Texts =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Texts : {};

/** The texts to store: languages left empty are dropped (English stands in for them); none at all is no input. */
export function withText(texts: Texts, language: string, text: string): Record<string, string> | undefined {
  const next: Record<string, string> = {};
  for (const { code } of LANGUAGES) {
    const t = code === language ? text : texts[code];
    if (t !== undefined && (t !== '' || code === 'en')) next[code] = t;
  }
  return Object.values(next).some((t) => t !== '') ? next : undefined;
}

/**
 * A Send message node's own text, one per language, each previewed as the customer would read it with sample data
 * (the server checks it under the rules of the template files, and says what is wrong). A language left empty gets
 * the English text.
 */
export function TemplateTexts({ value, onChange, fieldErrors }: { value: Json | undefined; onChange: (v: Json | undefined) => void; fieldErrors: Record<string, string[]> }) {
  const texts = asTexts(value);
  const [open, setOpen] = useState(Object.keys(texts).length > 0);
  const [previews, setPreviews] = useState<Record<string, Preview>>({});
  const key = JSON.stringify(texts);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      for (const { code } of LANGUAGES) {
        const text = texts[code] || texts.en;
        if (!text) {
          setPreviews((p) => ({ ...p, [code]: { state: 'ok', text: '' } }));
          continue;
        }
        setPreviews((p) => ({ ...p, [code]: { state: 'loading' } }));
        templatesApi.previewText(text, code, SAMPLE_DATA).then(
          (r) => live && setPreviews((p) => ({ ...p, [code]: { state: 'ok', text: r.text } })),
          (e) => live && setPreviews((p) => ({ ...p, [code]: { state: 'error', message: errorMessage(e) } })),
        );
      }
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, open]);

  if (!open) {
    return <button type="button" onClick={() => setOpen(true)}>✎ Write the message here</button>;
  }
  return (
    <div className="template-texts">
      {LANGUAGES.map(({ code, name }) => {
        const p = previews[code];
        const own = !!texts[code];
        return (
          <div key={code} className="template-text" data-language={code}>
            <label>
              {name} <code>{code}</code>{code !== 'en' && !own && <span className="hint"> · English is used</span>}
              <textarea rows={3} aria-label={`Message text in ${name}`} value={texts[code] ?? ''} placeholder={code === 'en' ? 'Hello {{contact.name}}!' : `The ${name} text (optional)`} onChange={(e) => onChange(withText(texts, code, e.target.value))} />
            </label>
            <div className="bubble" aria-label={`Preview in ${name}`}>
              {!p || p.state === 'loading' ? '…' : p.state === 'ok' ? p.text || <span className="hint">—</span> : <span className="error">{p.message}</span>}
            </div>
            <Problems messages={fieldErrors[`texts.${code}`] ?? []} />
          </div>
        );
      })}
      <Problems messages={fieldErrors.texts ?? []} />
    </div>
  );
}

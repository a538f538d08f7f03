import { useState } from 'react';
import { errorMessage } from '../api/http';
import { LANGUAGES } from '../api/templates';
import { statusTone, whatsappTemplatesApi, type WhatsAppTemplate } from '../api/whatsappTemplates';
import { Guard, useLoad } from './load';
import './templates.css';

const languageName = (code: string) => LANGUAGES.find((l) => code === l.code || code.startsWith(`${l.code}_`))?.name ?? code;

/** Route /templates: the WhatsApp templates Meta approved (or not) for this business, synced on demand. */
export function TemplatesPage() {
  const [templates, reload, update] = useLoad(() => whatsappTemplatesApi.list(), []);
  const [syncing, setSyncing] = useState(false);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const sync = async () => {
    setSyncing(true);
    setStatus(null);
    try {
      const list = await whatsappTemplatesApi.sync();
      update(() => list);
      setStatus({ kind: 'info', text: `Synced from Meta: ${list.length} template${list.length === 1 ? '' : 's'}.` });
    } catch (e) {
      setStatus({ kind: 'error', text: errorMessage(e) });
    } finally {
      setSyncing(false);
    }
  };
  return (
    <div className="page templates-page">
      <div className="page-head">
        <h1>WhatsApp templates</h1>
        <span className="spacer" />
        <button type="button" className="primary" onClick={sync} disabled={syncing}>{syncing ? 'Syncing…' : 'Sync from Meta'}</button>
      </div>
      <p className="hint">Outside the 24-hour window only templates Meta approved can be sent. Meta approves English and Hausa, not Yorùbá, Igbo or Pidgin.</p>
      {status && <div role="status" className={`banner ${status.kind}`}>{status.text}</div>}
      <Guard load={templates} endpoint="GET /api/templates/whatsapp" reload={reload}>
        {(list) => (
          <table className="table stack">
            <thead><tr><th>Template</th><th>Language</th><th>Category</th><th>Status</th><th>Text</th></tr></thead>
            <tbody>
              {list.length === 0 && <tr><td colSpan={5} className="hint">No templates yet: sync them from Meta.</td></tr>}
              {list.map((t: WhatsAppTemplate) => (
                <tr key={t.id} data-testid="template-row">
                  <td data-label="Template" className="mono">{t.name}</td>
                  <td data-label="Language">{languageName(t.language)}</td>
                  <td data-label="Category">{t.category.toLowerCase()}</td>
                  <td data-label="Status">
                    <span className={`template-status ${statusTone(t.status)}`} data-testid="template-status">{t.status.toLowerCase().replace(/_/g, ' ')}</span>
                    {t.statusReason && <div className="hint" data-testid="template-reason">{t.statusReason}</div>}
                  </td>
                  <td data-label="Text">{t.body}{t.parameterCount > 0 && <span className="hint"> · {t.parameterCount} parameter{t.parameterCount === 1 ? '' : 's'}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Guard>
    </div>
  );
}

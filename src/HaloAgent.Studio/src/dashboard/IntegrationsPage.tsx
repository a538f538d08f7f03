import { useState } from 'react';
import { errorMessage, problemFields } from '../api/http';
import { integrationsApi, type Delivery, type Webhook } from '../api/integrations';
import { Guard, useLoad } from './load';
import './templates.css';
import './integrations.css';

const tone = (status: string) => (status === 'delivered' ? 'ok' : status === 'pending' ? 'wait' : 'stop');
const when = (iso: string) => new Date(iso).toLocaleString('en-NG', { dateStyle: 'medium', timeStyle: 'short' });

/** Route /integrations (owner): outgoing webhooks for n8n, Zapier or Make, each with its delivery log and re-send. */
export function IntegrationsPage() {
  const [webhooks, reload] = useLoad(() => integrationsApi.list(), []);
  const [events] = useLoad(() => integrationsApi.events(), []);
  const [url, setUrl] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    try {
      const created = await integrationsApi.create(url, chosen);
      setSecret(created.secret);
      setUrl('');
      setChosen([]);
      reload();
    } catch (error) {
      setErrors(problemFields(error));
    }
  };
  return (
    <div className="page integrations-page">
      <div className="page-head"><h1>Integrations</h1></div>
      <p className="hint">Send orders, new customers and hand-overs to n8n, Zapier or Make. Each POST is signed: X-Halo-Signature is sha256= and the HMAC-SHA256 of the body with the webhook&apos;s secret.</p>
      {secret && (
        <div role="status" className="banner info" data-testid="webhook-secret">
          Webhook added. Its signing secret is shown only now: <code className="mono">{secret}</code>
        </div>
      )}
      <form className="webhook-form" onSubmit={create} aria-label="New webhook">
        <label>URL <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.zapier.com/…" required /></label>
        {errors.url && <div className="banner error">{errors.url.join(' ')}</div>}
        <fieldset>
          <legend>Events</legend>
          {events.state === 'ready' && events.data.map((name) => (
            <label key={name} className="event-choice">
              <input type="checkbox" checked={chosen.includes(name)} onChange={(e) => setChosen(e.target.checked ? [...chosen, name] : chosen.filter((c) => c !== name))} />
              {name}
            </label>
          ))}
        </fieldset>
        {errors.events && <div className="banner error">{errors.events.join(' ')}</div>}
        {errors[''] && <div className="banner error">{errors[''].join(' ')}</div>}
        <button type="submit" className="primary">Add webhook</button>
      </form>
      <Guard load={webhooks} endpoint="GET /api/integrations/webhooks" reload={reload}>
        {(list) => (
          <ul className="webhook-list">
            {list.length === 0 && <li className="hint">No webhooks yet.</li>}
            {list.map((w) => (
              <WebhookItem key={w.id} webhook={w} open={open === w.id} onToggle={() => setOpen(open === w.id ? null : w.id)} onChanged={reload} />
            ))}
          </ul>
        )}
      </Guard>
    </div>
  );
}

function WebhookItem({ webhook, open, onToggle, onChanged }: { webhook: Webhook; open: boolean; onToggle: () => void; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const act = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <li className="webhook" data-testid="webhook-row">
      <div className="webhook-head">
        <span className="mono webhook-url">{webhook.url}</span>
        <span className={`template-status ${webhook.active ? 'ok' : 'wait'}`}>{webhook.active ? 'active' : 'paused'}</span>
      </div>
      <div className="hint">{webhook.events.join(', ')}</div>
      <div className="webhook-actions">
        <button type="button" onClick={onToggle} aria-expanded={open}>{open ? 'Hide deliveries' : 'Deliveries'}</button>
        <button type="button" onClick={() => act(() => integrationsApi.setActive(webhook, !webhook.active))}>{webhook.active ? 'Pause' : 'Resume'}</button>
        <button type="button" className="danger" onClick={() => window.confirm(`Delete the webhook to ${webhook.url}?`) && act(() => integrationsApi.remove(webhook.id))}>Delete</button>
      </div>
      {error && <div className="banner error">{error}</div>}
      {open && <Deliveries webhookId={webhook.id} />}
    </li>
  );
}

function Deliveries({ webhookId }: { webhookId: string }) {
  const [deliveries, reload] = useLoad(() => integrationsApi.deliveries(webhookId), [webhookId]);
  const [error, setError] = useState<string | null>(null);
  const resend = async (d: Delivery) => {
    setError(null);
    try {
      await integrationsApi.resend(d.id);
      // The worker sends it within a moment; read the log again after that.
      window.setTimeout(reload, 1500);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Guard load={deliveries} endpoint="GET /api/integrations/webhooks/{id}/deliveries" reload={reload}>
      {(list) => (
        <div className="deliveries">
          <button type="button" onClick={reload}>Refresh</button>
          {error && <div className="banner error">{error}</div>}
          {list.length === 0 && <p className="hint">Nothing sent yet.</p>}
          {list.map((d) => (
            <div key={d.id} className="delivery" data-testid="delivery-row">
              <div className="webhook-head">
                <span className="mono">{d.event}</span>
                <span className={`template-status ${tone(d.status)}`} data-testid="delivery-status">{d.status}</span>
                <span className="hint">{when(d.createdAt)}</span>
                <button type="button" onClick={() => resend(d)}>Resend</button>
              </div>
              <ol className="attempts">
                {d.log.map((a, i) => (
                  <li key={i} data-testid="delivery-attempt">
                    <span className="mono">{a.statusCode ?? '—'}</span> <span className="hint">{when(a.at)} · {a.durationMs} ms</span>
                    {a.error && <div className="hint">{a.error}</div>}
                    {a.responseBody && <pre className="response">{a.responseBody}</pre>}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      )}
    </Guard>
  );
}

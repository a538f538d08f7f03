import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { approvedChoices, type BroadcastDraft, broadcastsApi, fieldErrors, fillTemplate, isoToWatInput, watInputToIso } from '../../api/broadcasts';
import { segmentsApi } from '../../api/segments';
import { whatsappTemplatesApi } from '../../api/whatsappTemplates';
import { FieldErrors } from '../../components/FieldErrors';
import { Link, navigate } from '../../router';
import { Guard, useLoad } from '../load';
import { PreflightPanel } from './PreflightPanel';
import { templateLanguageName } from './parts';
import './broadcasts.css';

/** No fallback chosen yet: choosing a template picks the shop's fallback language, else English. */
const EMPTY: BroadcastDraft = { name: '', segmentId: null, templateName: '', fallbackLanguage: '', parameters: [] };

/** A labelled control with its hint and the server's errors for it beside it (outside the label, so the label is only its name). */
function Field({ label, hint, field, errors, children }: {
  label: string; hint?: ReactNode; field?: string; errors: Record<string, string[]>; children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && <div className="hint">{hint}</div>}
      {field && <FieldErrors field={field} errors={errors} />}
    </div>
  );
}

/** Routes /broadcasts/new and /broadcasts/:id/edit: compose a draft with a live pre-flight, then save, send now or schedule. */
export function BroadcastComposePage({ broadcastId }: { broadcastId?: string }) {
  // With the templates, the shop's fallback language: a new draft's fallback when the template has a version in it.
  const [templates, reloadTemplates] = useLoad(async () => {
    const [list, defaults] = await Promise.all([whatsappTemplatesApi.list(), broadcastsApi.defaults()]);
    return { list, shopFallback: defaults.fallbackLanguage };
  }, []);
  const [segments, reloadSegments] = useLoad(() => segmentsApi.list(), []);
  const [draft, setDraft] = useState<BroadcastDraft>(EMPTY);
  const [savedId, setSavedId] = useState<string | undefined>(broadcastId);
  const [notDraft, setNotDraft] = useState(false);
  const [at, setAt] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [info, setInfo] = useState<string | null>(() => (new URLSearchParams(window.location.search).get('saved') ? 'Saved as a draft.' : null));
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!broadcastId) return;
    broadcastsApi.get(broadcastId).then((b) => {
      setDraft({ name: b.name, segmentId: b.segmentId ?? null, templateName: b.templateName, fallbackLanguage: b.fallbackLanguage, parameters: b.parameters });
      setNotDraft(b.status !== 'draft');
      if (b.scheduledAt) setAt(isoToWatInput(b.scheduledAt));
    }, (e) => setErrors(fieldErrors(e)));
  }, [broadcastId]);

  const choices = useMemo(() => (templates.state === 'ready' ? approvedChoices(templates.data.list) : []), [templates]);
  const choice = choices.find((c) => c.name === draft.templateName);
  const change = (patch: Partial<BroadcastDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A field the marketer just changed no longer carries the server's last word about it.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !(field in patch))));
  };
  const chooseTemplate = (name: string) => {
    const c = choices.find((x) => x.name === name);
    const languages = c?.variants.map((v) => v.language) ?? [];
    setDraft((d) => ({
      ...d,
      templateName: name,
      fallbackLanguage: [d.fallbackLanguage, templates.state === 'ready' ? templates.data.shopFallback : '', 'en'].find((l) => l && languages.includes(l))
        ?? languages.find((l) => l.startsWith('en')) ?? languages[0] ?? 'en',
      parameters: Array.from({ length: c?.parameterCount ?? 0 }, (_, i) => d.parameters[i] ?? (i === 0 ? '{name}' : '')),
    }));
  };

  /** Saves the draft (created the first time); its id, or null with the errors shown beside the fields. */
  const persist = async (): Promise<string | null> => {
    try {
      const saved = savedId ? await broadcastsApi.update(savedId, draft) : await broadcastsApi.create(draft);
      setSavedId(saved.id);
      return saved.id;
    } catch (e) {
      setErrors(fieldErrors(e));
      return null;
    }
  };
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setErrors({});
    setInfo(null);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  const saveDraft = () => run(async () => {
    const id = await persist();
    if (!id) return;
    if (!broadcastId) navigate(`/broadcasts/${encodeURIComponent(id)}/edit?saved=1`, { replace: true, force: true });
    else setInfo('Saved as a draft.');
  });
  const send = (when: 'now' | 'later') => run(async () => {
    const iso = when === 'later' ? watInputToIso(at) : null;
    if (when === 'later' && !iso) {
      setErrors({ at: ['Choose a day and time (WAT) to send it.'] });
      return;
    }
    const id = await persist();
    if (!id) return;
    try {
      await broadcastsApi.schedule(id, iso);
      navigate(`/broadcasts/${encodeURIComponent(id)}`, { force: true });
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  });

  return (
    <div className="page broadcast-compose">
      <div className="page-head">
        <Link to="/broadcasts" className="back">← Broadcasts</Link>
        <h1>{broadcastId ? draft.name || 'Broadcast' : 'New broadcast'}</h1>
      </div>
      {notDraft && savedId && (
        <div className="banner info">This broadcast is no longer a draft. <Link to={`/broadcasts/${encodeURIComponent(savedId)}`}>See how it is going</Link>.</div>
      )}
      <div className="broadcast-compose-grid">
        <form className="broadcast-form" onSubmit={(e) => { e.preventDefault(); void saveDraft(); }}>
          <Field label="Name" field="name" errors={errors}>
            {(id) => <input id={id} value={draft.name} maxLength={80} onChange={(e) => change({ name: e.target.value })} placeholder="Weekend jollof offer" aria-invalid={!!errors.name} />}
          </Field>
          <Guard load={segments} endpoint="GET /api/segments" reload={reloadSegments}>
            {(list) => (
              <Field label="Segment" field="segmentId" errors={errors}>
                {(id) => (
                  <select id={id} value={draft.segmentId ?? ''} onChange={(e) => change({ segmentId: e.target.value || null })} aria-invalid={!!errors.segmentId}>
                    <option value="">Every contact</option>
                    {list.map((s) => <option key={s.id} value={s.id}>{s.name}{s.count !== undefined ? ` (${s.count})` : ''}</option>)}
                  </select>
                )}
              </Field>
            )}
          </Guard>
          <Guard load={templates} endpoint="GET /api/templates/whatsapp" reload={reloadTemplates}>
            {() => (
              <>
                <Field label="Template" field="templateName" errors={errors}
                  hint={choices.length === 0 ? <>No approved templates: <Link to="/templates">sync them from Meta</Link>.</> : undefined}>
                  {(id) => (
                    <select id={id} value={draft.templateName} onChange={(e) => chooseTemplate(e.target.value)} aria-invalid={!!errors.templateName}>
                      <option value="">Choose an approved template</option>
                      {choices.map((c) => <option key={c.name} value={c.name}>{c.name} ({c.category.toLowerCase()})</option>)}
                      {draft.templateName && !choice && <option value={draft.templateName}>{draft.templateName} (not approved now)</option>}
                    </select>
                  )}
                </Field>
                {choice && (
                  <Field label="Fallback language" field="fallbackLanguage" errors={errors}
                    hint="For customers whose language has no approved version (Meta approves no Yorùbá, Igbo or Pidgin).">
                    {(id) => (
                      <select id={id} value={draft.fallbackLanguage} onChange={(e) => change({ fallbackLanguage: e.target.value })} aria-invalid={!!errors.fallbackLanguage}>
                        {choice.variants.map((v) => <option key={v.language} value={v.language}>{templateLanguageName(v.language)}</option>)}
                      </select>
                    )}
                  </Field>
                )}
                {draft.parameters.map((p, i) => (
                  <Field key={i} label={`Parameter ${i + 1}`} errors={errors} hint={i === 0 ? <>Fills {`{{${i + 1}}}`}. Write <code>{'{name}'}</code> for the customer’s first name.</> : <>Fills {`{{${i + 1}}}`}.</>}>
                    {(id) => (
                      <input id={id} value={p} maxLength={1024} aria-invalid={!!errors.parameters}
                        onChange={(e) => change({ parameters: draft.parameters.map((x, j) => (j === i ? e.target.value : x)) })} />
                    )}
                  </Field>
                ))}
                <FieldErrors field="parameters" errors={errors} />
                {choice && (
                  <div className="broadcast-preview" data-testid="template-preview">
                    {choice.variants.map((v) => (
                      <div key={v.language}>
                        <div className="preview-lang">{templateLanguageName(v.language)}{v.language === draft.fallbackLanguage ? ' · fallback' : ''}</div>
                        <div className="bubble">{fillTemplate(v.body, draft.parameters)}</div>
                      </div>
                    ))}
                  </div>
                )}
              </>
            )}
          </Guard>
          <Field label="Send at (WAT)" field="at" errors={errors} hint="West Africa Time. Nothing goes out in quiet hours (21:00–08:00): it waits.">
            {(id) => <input id={id} type="datetime-local" value={at} min={isoToWatInput(new Date())} onChange={(e) => { setAt(e.target.value); setErrors(({ at: _, ...rest }) => rest); }} aria-invalid={!!errors.at} />}
          </Field>
          {errors[''] && <div role="alert" className="banner error">{errors[''].map((m) => <div key={m}>{m}</div>)}</div>}
          {errors.status && <div role="alert" className="banner error">{errors.status.map((m) => <div key={m}>{m}</div>)}</div>}
          {info && <div role="status" className="banner info">{info}</div>}
          <div className="broadcast-actions">
            <button type="submit" disabled={busy || notDraft}>Save draft</button>
            <button type="button" className="primary" disabled={busy || notDraft} onClick={() => void send('now')}>Send now</button>
            <button type="button" disabled={busy || notDraft || at === ''} onClick={() => void send('later')}>Schedule</button>
          </div>
        </form>
        <PreflightPanel draft={draft} ask={broadcastsApi.preflight} />
      </div>
    </div>
  );
}

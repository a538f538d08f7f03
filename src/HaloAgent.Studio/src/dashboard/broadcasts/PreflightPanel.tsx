import { useEffect, useRef, useState } from 'react';
import { type BroadcastDraft, fieldErrors, type Preflight, skipReasonLabel } from '../../api/broadcasts';
import { naira } from '../../api/money';
import { channelName, languageName } from '../contacts/labels';

type State = { result?: Preflight; errors?: string[]; pending: boolean };

/** The pre-flight of the draft as it is edited: asked a moment after the last change; a late answer never overwrites a newer one. */
function usePreflight(draft: BroadcastDraft, ask: (d: BroadcastDraft) => Promise<Preflight>): State {
  const [state, setState] = useState<State>({ pending: false });
  const asked = useRef(0);
  const key = JSON.stringify(draft);
  const ready = draft.templateName !== '';
  useEffect(() => {
    const ticket = ++asked.current;
    if (!ready) {
      setState({ pending: false });
      return undefined;
    }
    setState((s) => ({ ...s, pending: true }));
    const timer = window.setTimeout(() => {
      ask(draft).then(
        (result) => { if (ticket === asked.current) setState({ result, pending: false }); },
        (e) => { if (ticket === asked.current) setState({ errors: Object.values(fieldErrors(e)).flat(), pending: false }); },
      );
    }, 400);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

const entries = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1]);

/** Who would get the broadcast if it went now, who is skipped and why, the messaging limit, the cost. */
export function PreflightPanel({ draft, ask }: { draft: BroadcastDraft; ask: (d: BroadcastDraft) => Promise<Preflight> }) {
  const { result, errors, pending } = usePreflight(draft, ask);
  return (
    <section className="preflight card" aria-live="polite" aria-labelledby="preflight-title" data-testid="preflight" data-pending={pending ? 'true' : 'false'}>
      <h2 id="preflight-title">Pre-flight {pending && <span className="hint">(checking…)</span>}</h2>
      {draft.templateName === '' && <p className="hint">Choose a template to see who would get it.</p>}
      {errors && <div className="banner error" data-testid="preflight-errors">{errors.map((m) => <div key={m}>{m}</div>)}</div>}
      {result && !errors && (
        <>
          <dl className="preflight-numbers">
            <div><dt>Audience</dt><dd data-testid="preflight-audience">{result.audience}</dd></div>
            <div><dt>Will get it</dt><dd data-testid="preflight-will-send">{result.willSend}</dd></div>
            <div><dt>Skipped</dt><dd data-testid="preflight-skipped-total">{Object.values(result.skipped).reduce((a, b) => a + b, 0)}</dd></div>
            <div><dt>Estimated cost</dt><dd data-testid="preflight-cost">{naira(result.costKobo)}</dd></div>
          </dl>
          {Object.keys(result.skipped).length > 0 && (
            <>
              <h3>Skipped, and why</h3>
              <ul className="preflight-list" data-testid="preflight-skipped">
                {entries(result.skipped).map(([code, n]) => <li key={code}><b>{n}</b> {skipReasonLabel(code)}</li>)}
              </ul>
            </>
          )}
          {result.willSend > 0 && (
            <p className="preflight-split">
              <span>By language: {entries(result.byLanguage).map(([code, n]) => `${languageName(code)} ${n}`).join(' · ')}</span>
              <span>By channel: {entries(result.byChannel).map(([code, n]) => `${channelName(code)} ${n}`).join(' · ')}</span>
            </p>
          )}
          <p className={result.fitsMessagingLimit ? 'hint ok' : 'hint warn'} data-testid="preflight-limit">
            {result.fitsMessagingLimit ? 'Fits' : 'Does not fit'} Meta's messaging limit today: {result.reachedLast24Hours} of {result.messagingLimit} customers
            reached in the last 24 hours; {result.outsideWindow} of this audience are outside their 24-hour window.
          </p>
          <p className="hint">
            {naira(result.costKobo)} is Meta's charge for a {result.category.toLowerCase()} template per delivered WhatsApp message
            {result.category.toUpperCase() === 'UTILITY' ? ' (free inside the customer’s 24-hour window)' : ''}; web chat is free.
          </p>
          {result.warnings.length > 0 && (
            <div className="banner warn" data-testid="preflight-warnings">{result.warnings.map((w) => <div key={w}>{w}</div>)}</div>
          )}
        </>
      )}
    </section>
  );
}

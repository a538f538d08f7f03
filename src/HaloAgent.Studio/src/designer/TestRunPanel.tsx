import './testRun.css';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/http';
import { type CustomerMessage, type TestRun, testRunsApi } from '../api/testRuns';
import type { FlowDefinition } from '../api/types';
import { canFastForward, chatBubbles, describeRun, isLive, statusLabel } from '../flow/testRun';

const LANGUAGES = [
  ['en', 'English'],
  ['pcm', 'Pidgin'],
  ['yo', 'Yoruba'],
  ['ig', 'Igbo'],
  ['ha', 'Hausa'],
] as const;
const POLL_MS = 800;

interface Props {
  flowId: string;
  /** The document on the canvas now (unsaved edits included): that is what runs. */
  currentDefinition: () => FlowDefinition;
  /** The run's state, to highlight its path on the canvas (null: clear). */
  onRun: (run: TestRun | null) => void;
  onClose: () => void;
}

/**
 * The designer's test run: the current draft runs for a sandbox web chat contact (never for real customers, never
 * sent to WhatsApp). The user types or taps as the customer; the bot's replies appear like WhatsApp's, and the path
 * taken is highlighted on the canvas.
 */
export function TestRunPanel({ flowId, currentDefinition, onRun, onClose }: Props) {
  const [name, setName] = useState('Ada');
  const [language, setLanguage] = useState('en');
  const [runId, setRunId] = useState<string | null>(null);
  const [run, setRun] = useState<TestRun | null>(null);
  const [text, setText] = useState('');
  const [pending, setPending] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [openList, setOpenList] = useState<string | null>(null);
  const chatEnd = useRef<HTMLDivElement>(null);
  const onRunRef = useRef(onRun);
  onRunRef.current = onRun;

  const refresh = useCallback(async (id: string, signal?: AbortSignal) => {
    const next = await testRunsApi.get(id, signal);
    setRun(next);
    onRunRef.current(next);
    return next;
  }, []);

  // Poll while the run can still change; a finished run is read once more and left alone.
  useEffect(() => {
    if (!runId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const next = await refresh(runId, controller.signal);
        if (!isLive(next.status)) return;
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(errorMessage(e));
      }
      timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [runId, refresh]);

  // Ending the panel ends the run, so a sandbox never keeps waiting on a timer.
  const runIdRef = useRef(runId);
  runIdRef.current = runId;
  useEffect(() => () => {
    if (runIdRef.current) void testRunsApi.end(runIdRef.current).catch(() => undefined);
    onRunRef.current(null);
  }, []);

  const bubbles = useMemo(() => chatBubbles(run?.messages ?? [], pending), [run?.messages, pending]);
  useEffect(() => {
    chatEnd.current?.scrollIntoView?.({ block: 'end' });
  }, [bubbles.length]);

  const start = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (runId) await testRunsApi.end(runId).catch(() => undefined);
      setRun(null);
      setPending([]);
      onRunRef.current(null);
      const created = await testRunsApi.start(flowId, currentDefinition(), { name: name.trim() || 'Ada', language });
      setRunId(created.runId);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const send = async (message: CustomerMessage, shown: string) => {
    if (!runId) return;
    setError(null);
    setPending((p) => [...p, shown]);
    setOpenList(null);
    try {
      await testRunsApi.send(runId, message);
      if (run && !isLive(run.status)) await refresh(runId);
    } catch (err) {
      setPending((p) => p.filter((t) => t !== shown));
      setError(errorMessage(err));
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = text.trim();
    if (!typed) return;
    setText('');
    void send({ text: typed }, typed);
  };

  const fastForward = async () => {
    if (!runId) return;
    try {
      await testRunsApi.fastForward(runId);
      await refresh(runId);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const end = async () => {
    if (!runId) return;
    try {
      await testRunsApi.end(runId);
      await refresh(runId);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  // The server stored a typed message: it is no longer pending.
  useEffect(() => {
    if (!run) return;
    const stored = new Set(run.messages.filter((m) => m.direction === 'inbound').map((m) => m.text));
    setPending((p) => (p.some((t) => stored.has(t)) ? p.filter((t) => !stored.has(t)) : p));
  }, [run]);

  return (
    <div className="side-drawer test-run" data-testid="test-run-panel">
      <div className="drawer-head">
        <b>Test run</b>
        <button type="button" className="icon" onClick={onClose} title="Close (ends the run)">✕</button>
      </div>
      <form className="tr-setup" onSubmit={start}>
        <label>Customer <input aria-label="Test customer name" value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label>Language
          <select aria-label="Test customer language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            {LANGUAGES.map(([code, label]) => <option key={code} value={code}>{label}</option>)}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy}>{runId ? 'Restart' : 'Start test run'}</button>
      </form>
      <p className="hint">Runs what is on the canvas now (unsaved changes too) for a sandbox customer: nothing is sent to WhatsApp and real customers never see it.</p>
      {error && <div className="banner error">{error}</div>}
      {runId && (
        <>
          <div className="wa-chat" aria-label="Test conversation">
            {bubbles.length === 0 && <div className="hint wa-empty">Say something as the customer.</div>}
            {bubbles.map((b) => (
              <div key={b.id} className={`wa-msg ${b.side}${b.pending ? ' pending' : ''}`} data-side={b.side}>
                <div className="wa-text">{b.text}</div>
                {b.time && <div className="wa-time">{b.time}</div>}
                {b.choices?.kind === 'buttons' && (
                  <div className="wa-buttons">
                    {b.choices.items.map((c) => (
                      <button key={c.id} type="button" disabled={!b.answerable} onClick={() => void send({ reply: { id: c.id, title: c.title } }, c.title)}>{c.title}</button>
                    ))}
                  </div>
                )}
                {b.choices?.kind === 'list' && (
                  <div className="wa-list">
                    <button type="button" className="wa-list-open" disabled={!b.answerable} onClick={() => setOpenList((o) => (o === b.id ? null : b.id))}>☰ {b.choices.label ?? 'Choose'}</button>
                    {openList === b.id && (
                      <ul>
                        {b.choices.items.map((c) => (
                          <li key={c.id}>
                            <button type="button" onClick={() => void send({ reply: { id: c.id, title: c.title } }, c.title)}>
                              <b>{c.title}</b>{c.description && <span className="hint"> {c.description}</span>}
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                )}
              </div>
            ))}
            <div ref={chatEnd} />
          </div>
          <form className="wa-compose" onSubmit={submit}>
            <input aria-label="Message as the customer" placeholder="Type as the customer…" value={text} onChange={(e) => setText(e.target.value)} disabled={!!run && !isLive(run.status)} />
            <button type="submit" className="primary" disabled={!text.trim() || (!!run && !isLive(run.status))}>Send</button>
          </form>
          <div className="tr-status">
            <span className={`badge status-${(run?.status ?? 'notstarted').toLowerCase()}`} data-testid="test-run-status">{statusLabel(run?.status)}</span>{' '}
            <span className="tr-describe">{run ? describeRun(run) : 'Starting…'}</span>
          </div>
          <div className="tr-actions">
            {canFastForward(run) && <button type="button" onClick={() => void fastForward()} title="Make the pending timer due now">⏩ Fast-forward timer</button>}
            {run?.instanceId && <a className="button" href={`/studio/instances/${encodeURIComponent(run.instanceId)}`} target="_blank" rel="noreferrer">Open instance</a>}
            {run && isLive(run.status) && <button type="button" className="danger" onClick={() => void end()}>End run</button>}
          </div>
        </>
      )}
    </div>
  );
}

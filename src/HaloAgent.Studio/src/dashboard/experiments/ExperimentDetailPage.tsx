import { useEffect, useState } from 'react';
import { allowedActions, chance, type Experiment, experimentsApi, lift, pValue, rate, STATUS_LABELS } from '../../api/experiments';
import { problemFields as fieldErrors } from '../../api/http';
import { naira } from '../../api/money';
import { ErrorBox, Spinner } from '../../components/util';
import { Link } from '../../router';
import './experiments.css';

/** Route /experiments/:id: the variants side by side, the verdict in plain words, the SRM warning, stop and promote. */
export function ExperimentDetailPage({ experimentId }: { experimentId: string }) {
  const [experiment, setExperiment] = useState<Experiment | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [messages, setMessages] = useState<{ kind: 'info' | 'error'; text: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stop = false;
    experimentsApi.get(experimentId).then(
      (e) => { if (!stop) { setExperiment(e); setLoadError(null); } },
      (e) => { if (!stop) setLoadError(Object.values(fieldErrors(e)).flat().join(' ')); },
    );
    return () => { stop = true; };
  }, [experimentId, attempt]);

  if (loadError && !experiment) return <div className="page"><ErrorBox message={loadError} onRetry={() => setAttempt((a) => a + 1)} /></div>;
  if (!experiment) return <Spinner />;

  const e = experiment;
  const actions = allowedActions(e);
  const control = e.variants.find((v) => v.control)?.name ?? e.variants[0]?.name;
  const act = async (call: () => Promise<Experiment>, done: (x: Experiment) => string, confirm: string) => {
    if (!window.confirm(confirm)) return;
    setBusy(true);
    setMessages(null);
    try {
      const next = await call();
      setExperiment(next);
      setMessages({ kind: 'info', text: [done(next)] });
    } catch (err) {
      setMessages({ kind: 'error', text: Object.values(fieldErrors(err)).flat() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page experiment-detail">
      <div className="page-head">
        <Link to="/experiments" className="back">← Experiments</Link>
        <h1>{e.label || e.nodeId}</h1>
        <span className={`badge experiment-${e.status}`} data-testid="experiment-status">{STATUS_LABELS[e.status]}</span>
      </div>
      <p className="hint">
        Split <span className="mono">{e.nodeId}</span> of <Link to={`/studio/flows/${encodeURIComponent(e.flowId)}`}>{e.flowName}</Link>
        {e.flowPublished ? ` (version ${e.flowVersion})` : ' (retracted)'}; an order within {e.rules.goalWindowDays} days of the split counts as a conversion.
      </p>
      {e.sampleRatio.mismatch && (
        <div className="banner warn" role="alert" data-testid="experiment-srm">
          Sample-ratio mismatch: the variants' sizes do not match their weights (p = {e.sampleRatio.pValue.toExponential(1)}).
          Something is dropping one variant's contacts or messages, so no result can be trusted until it is fixed.
        </div>
      )}
      <div className="banner info experiment-verdict" data-testid="experiment-verdict">{e.verdict.sentence}</div>
      {messages && <div role={messages.kind === 'error' ? 'alert' : 'status'} className={`banner ${messages.kind}`}>{messages.text.map((m) => <div key={m}>{m}</div>)}</div>}
      <div className="experiment-variants">
        {e.variants.map((v) => (
          <section key={v.name} className={`card experiment-variant${e.winner === v.name || e.verdict.winner === v.name ? ' leading' : ''}`} data-testid="experiment-variant">
            <h2>{v.name} {v.control && <span className="hint">control</span>}</h2>
            <div className="experiment-rate" data-testid="variant-rate">{rate(v.conversionRate)}</div>
            <div className="hint">converted, 95 % interval {rate(v.conversionInterval.low)} … {rate(v.conversionInterval.high)}</div>
            <dl className="experiment-funnel">
              <div><dt>Weight</dt><dd>{Math.round(v.share * 100)} %</dd></div>
              <div><dt>Exposed</dt><dd>{v.exposed}</dd></div>
              <div><dt>Delivered</dt><dd>{v.delivered}</dd></div>
              <div><dt>Read</dt><dd>{v.read}</dd></div>
              <div><dt>Replied</dt><dd>{v.replied}</dd></div>
              <div><dt>Converted</dt><dd>{v.converted}</dd></div>
              <div><dt>Revenue</dt><dd>{naira(v.revenueKobo)}</dd></div>
            </dl>
            {v.vsControl && (
              <dl className="experiment-funnel stats">
                <div><dt>Lift</dt><dd>{lift(v.vsControl.lift)}</dd></div>
                <div><dt>Chance to beat control</dt><dd data-testid="variant-chance">{chance(v.vsControl.chanceToWin)}</dd></div>
                <div><dt>Interval (always valid)</dt><dd>{lift(v.vsControl.sequentialInterval.low)} … {lift(v.vsControl.sequentialInterval.high)}</dd></div>
                <div><dt>Risk</dt><dd>{rate(v.vsControl.risk)}</dd></div>
                <div><dt>p-value</dt><dd>{pValue(v.vsControl.pValue)}</dd></div>
              </dl>
            )}
          </section>
        ))}
      </div>
      <div className="experiment-actions">
        <button type="button" disabled={busy || !actions.stop}
          onClick={() => act(() => experimentsApi.stop(e.id), () => `Stopped: everyone gets ${control} from now on; the numbers stay as they are now.`,
            `Stop this experiment? Everyone gets ${control} (the control) from now on, and its numbers freeze as they are now.`)}>
          Stop
        </button>
        <button type="button" className="primary" disabled={busy || !actions.promote || e.verdict.kind !== 'winner'}
          onClick={() => act(() => experimentsApi.promote(e.id), (x) => `Promoted ${x.winner}: version ${x.promotedVersion} of the flow sends everyone its way; running contacts finish on their version.`,
            `Promote ${e.verdict.winner}? A new version of “${e.flowName}” will send everyone down its branch.`)}>
          Promote {e.verdict.kind === 'winner' ? e.verdict.winner : 'winner'}
        </button>
        {e.status === 'promoted' && <span className="hint" data-testid="experiment-promoted">{e.winner} was promoted in version {e.promotedVersion}.</span>}
      </div>
    </div>
  );
}

import { experimentsApi, STATUS_LABELS } from '../api/experiments';
import { Link } from '../router';
import { Guard, useLoad } from './load';
import './experiments/experiments.css';

/** Route /experiments: every Split node of the business's flows, with its verdict so far. */
export function ExperimentsPage() {
  const [experiments, reload] = useLoad(() => experimentsApi.list(), []);
  return (
    <div className="page experiments-page">
      <div className="page-head"><h1>Experiments</h1></div>
      <Guard load={experiments} endpoint="GET /api/experiments" reload={reload}>
        {(list) => (
          <table className="table stack">
            <thead><tr><th>Experiment</th><th>Flow</th><th>Status</th><th>Exposed</th><th>Verdict</th></tr></thead>
            <tbody>
              {list.length === 0 && <tr><td colSpan={5} className="hint">No experiments yet: add a Split (A/B) step to a flow and publish it.</td></tr>}
              {list.map((e) => (
                <tr key={e.id} data-testid="experiment-row">
                  <td data-label="Experiment"><Link to={`/experiments/${encodeURIComponent(e.id)}`}>{e.label || e.nodeId}</Link></td>
                  <td data-label="Flow">{e.flowName}{!e.flowPublished && <span className="hint"> (retracted)</span>}</td>
                  <td data-label="Status"><span className={`badge experiment-${e.status}`}>{STATUS_LABELS[e.status]}</span></td>
                  <td data-label="Exposed">{e.exposed.toLocaleString('en-NG')}</td>
                  <td data-label="Verdict" className="experiment-verdict-cell">
                    {e.sampleRatioMismatch && <span className="badge warn" title="The variants' sizes do not match their weights">SRM</span>} {e.verdict.sentence}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Guard>
    </div>
  );
}

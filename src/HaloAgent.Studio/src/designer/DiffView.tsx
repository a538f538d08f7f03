import type { FlowDiff } from '../flow/diff';
import { isEmptyDiff, showValue } from '../flow/diff';

export function DiffView({ diff, onSelectNode }: { diff: FlowDiff; onSelectNode?: (id: string) => void }) {
  if (isEmptyDiff(diff)) return <p className="hint">No differences.</p>;
  const nodeLink = (id: string) => (onSelectNode ? <button type="button" className="link mono" onClick={() => onSelectNode(id)}>{id}</button> : <code>{id}</code>);
  return (
    <div className="diff">
      {diff.meta.length > 0 && (
        <section>
          <h4>Flow settings</h4>
          {diff.meta.map((m) => (
            <div key={m.field} className="diff-change">
              <b>{m.field}</b>: <del>{showValue(m.before)}</del> → <ins>{showValue(m.after)}</ins>
            </div>
          ))}
        </section>
      )}
      {diff.nodesAdded.length > 0 && (
        <section>
          <h4>Nodes added ({diff.nodesAdded.length})</h4>
          {diff.nodesAdded.map((n) => <div key={n.id} className="diff-add">+ {nodeLink(n.id)} <span className="kind">{n.type}</span> {n.label}</div>)}
        </section>
      )}
      {diff.nodesRemoved.length > 0 && (
        <section>
          <h4>Nodes removed ({diff.nodesRemoved.length})</h4>
          {diff.nodesRemoved.map((n) => <div key={n.id} className="diff-del">− <code>{n.id}</code> <span className="kind">{n.type}</span> {n.label}</div>)}
        </section>
      )}
      {diff.nodesChanged.length > 0 && (
        <section>
          <h4>Nodes changed ({diff.nodesChanged.length})</h4>
          {diff.nodesChanged.map((n) => (
            <div key={n.id} className="diff-node">
              <div>~ {nodeLink(n.id)} <span className="kind">{n.type}</span></div>
              {n.changes.map((c) => (
                <div key={c.field} className="diff-change">
                  <b>{c.field.replace(/^inputs\./, '')}</b>: <del>{showValue(c.before)}</del> → <ins>{showValue(c.after)}</ins>
                </div>
              ))}
            </div>
          ))}
        </section>
      )}
      {diff.edgesAdded.length + diff.edgesRemoved.length > 0 && (
        <section>
          <h4>Connections</h4>
          {diff.edgesAdded.map((e) => <div key={`+${e.from}${e.outcome}${e.to}`} className="diff-add">+ {e.from} —{e.outcome}→ {e.to}</div>)}
          {diff.edgesRemoved.map((e) => <div key={`-${e.from}${e.outcome}${e.to}`} className="diff-del">− {e.from} —{e.outcome}→ {e.to}</div>)}
        </section>
      )}
      {diff.nodesMoved.length > 0 && <p className="hint">Moved on the canvas only: {diff.nodesMoved.join(', ')}</p>}
    </div>
  );
}

import { useEffect, useRef } from 'react';
import type { Json, JournalEntry } from '../api/types';
import { formatDate } from '../components/util';
import { stepsOfNode } from '../flow/steps';
import './instance.css';

function JsonBlock({ value }: { value: Json | undefined }) {
  if (value === undefined || value === null) return <span className="hint">—</span>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The inputs and outputs of the steps of the node clicked on the instance's canvas (every run of it, in order). */
export function StepPanel({ journal, nodeId, label, onClose }: { journal: readonly JournalEntry[]; nodeId: string; label?: string; onClose: () => void }) {
  const steps = stepsOfNode(journal, nodeId);
  const panel = useRef<HTMLElement>(null);
  // On a phone the panel is below the canvas: bring it into view. (Braces: newer Chromium's scrollIntoView returns a
  // promise, which React would take for the effect's cleanup.)
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [nodeId]);
  return (
    <section className="card step-panel" ref={panel} aria-label={`Step ${nodeId}`}>
      <div className="step-panel-head">
        <b>{label || nodeId}</b> <code>{nodeId}</code>
        <span className="spacer" />
        <button type="button" className="icon" aria-label="Close the step" onClick={onClose}>✕</button>
      </div>
      {steps.length === 0 && <p className="hint">This node has not run in this instance.</p>}
      {steps.map(({ entry, run, title }) => (
        <div key={entry.sequence} className="step" data-sequence={entry.sequence}>
          <div className="step-title">
            {steps.length > 1 && <span className="badge muted">run {run}</span>} <b>{title}</b>{' '}
            <span className="hint">#{entry.sequence} · {formatDate(entry.startedAt)}{entry.durationMs != null && ` · ${entry.durationMs.toFixed(1)} ms`}{(entry.attempts ?? 1) > 1 && ` · ${entry.attempts} attempts`}</span>
          </div>
          <div className="io">
            <div><label>Inputs</label><JsonBlock value={entry.inputs ?? undefined} /></div>
            <div><label>Output</label><JsonBlock value={entry.output} /></div>
          </div>
          {entry.error && <div><label>Error</label><pre className="json error">{entry.error}</pre></div>}
        </div>
      ))}
    </section>
  );
}

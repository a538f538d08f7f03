import { useEffect, useState } from 'react';
import { errorMessage } from '../api/http';
import { flowsApi } from '../api/flows';
import type { FlowDefinition, FlowVersionInfo } from '../api/types';
import { diffFlows, type FlowDiff } from '../flow/diff';
import { DiffView } from './DiffView';

interface Props {
  flowId: string;
  versions: FlowVersionInfo[];
  /** The document in the editor, to compare a version with. */
  current: () => FlowDefinition;
  onLoadVersion: (definition: FlowDefinition, version: number) => void;
  onSelectNode: (id: string) => void;
  onClose: () => void;
}

const EDITOR = -1;

export function VersionsPanel({ flowId, versions, current, onLoadVersion, onSelectNode, onClose }: Props) {
  const [left, setLeft] = useState<number | null>(versions.find((v) => v.status === 'Published')?.version ?? versions[versions.length - 1]?.version ?? null);
  const [right, setRight] = useState<number>(EDITOR);
  const [diff, setDiff] = useState<{ diff: FlowDiff; title: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fetchDoc = async (v: number) => (v === EDITOR ? current() : (await flowsApi.version(flowId, v)).definition);

  useEffect(() => {
    setDiff(null);
  }, [left, right]);

  const compare = async () => {
    if (left === null) return;
    setBusy(true);
    setError(null);
    try {
      const [a, b] = await Promise.all([fetchDoc(left), fetchDoc(right)]);
      setDiff({ diff: diffFlows(a, b), title: `${left === EDITOR ? 'editor' : `v${left}`} → ${right === EDITOR ? 'editor' : `v${right}`}` });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const option = (v: FlowVersionInfo) => <option key={v.version} value={v.version}>v{v.version} · {v.status}</option>;

  return (
    <div className="side-drawer">
      <div className="drawer-head">
        <b>Version history</b>
        <button type="button" className="icon" onClick={onClose}>✕</button>
      </div>
      <table className="table compact">
        <thead>
          <tr><th>Version</th><th>Status</th><th>Saved</th><th /></tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>v{v.version}{v.status === 'Draft' && <span className="hint"> r{v.revision}</span>}</td>
              <td><span className={`badge status-${v.status.toLowerCase()}`}>{v.status}</span></td>
              <td title={v.publishedAt ? `published ${new Date(v.publishedAt).toLocaleString()}` : ''}>{new Date(v.updatedAt).toLocaleString()}</td>
              <td className="actions">
                <button type="button" className="link" onClick={async () => {
                  try { onLoadVersion((await flowsApi.version(flowId, v.version)).definition, v.version); } catch (e) { setError(errorMessage(e)); }
                }} title="Put this version's content in the editor (as an unsaved change you can undo)">Restore</button>
                <a href={flowsApi.exportUrl(flowId, v.version)} download>Export</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="compare">
        <b>Compare</b>
        <select value={left ?? ''} onChange={(e) => setLeft(Number(e.target.value))}>
          {versions.map(option)}
          <option value={EDITOR}>editor (unsaved)</option>
        </select>
        →
        <select value={right} onChange={(e) => setRight(Number(e.target.value))}>
          <option value={EDITOR}>editor (unsaved)</option>
          {versions.map(option)}
        </select>
        <button type="button" onClick={compare} disabled={busy || left === null}>Show changes</button>
      </div>
      {error && <div className="banner error">{error}</div>}
      {diff && (
        <>
          <div className="hint">{diff.title}</div>
          <DiffView diff={diff.diff} onSelectNode={onSelectNode} />
        </>
      )}
    </div>
  );
}

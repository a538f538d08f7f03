import type { FlowSummary, FlowVersionInfo } from '../api/types';
import type { MappedErrors } from '../flow/validation';
import { Link } from '../router';
import type { Banner } from './useFlowActions';
import type { Validation } from './useValidation';

export type Drawer = 'versions' | 'test' | null;

interface ToolbarProps {
  flowId: string;
  name: string;
  info: FlowVersionInfo;
  summary: FlowSummary;
  dirty: boolean;
  offline?: boolean;
  busy: boolean;
  validation: Validation;
  mapped: MappedErrors;
  onSelectNode: (id: string) => void;
  history: { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean };
  onLayout: () => void;
  onFit: () => void;
  onImport: () => void;
  onExport: () => void;
  drawer: Drawer;
  onToggleDrawer: (drawer: Exclude<Drawer, null>) => void;
  onDiscardDraft: () => void;
  onRetract: () => void;
  onSave: () => void;
  onPublish: () => void;
}

export function DesignerToolbar(p: ToolbarProps) {
  const { info, summary, flowId, offline } = p;
  const statusText = `v${info.version} · ${info.status}${info.status === 'Draft' ? ` r${info.revision}` : ''}`;
  const validationBadge = offline ? null : p.validation.state === 'pending' ? (
    <span className="badge muted">checking…</span>
  ) : p.validation.state === 'failed' ? (
    <span className="badge warn" title={p.validation.message}>validation unavailable</span>
  ) : p.mapped.count === 0 ? (
    <span className="badge ok">✓ valid</span>
  ) : (
    <button type="button" className="badge error" onClick={() => p.onSelectNode(Object.keys(p.mapped.byNode)[0] ?? '')}>{p.mapped.count} problem{p.mapped.count === 1 ? '' : 's'}</button>
  );
  return (
    <div className="toolbar">
      <Link to="/studio" className="back">← Flows</Link>
      <b className="flow-name" title={flowId}>{p.name || flowId}</b>
      <span className={`badge status-${info.status.toLowerCase()}`}>{statusText}</span>
      {summary.activeVersion != null && info.version !== summary.activeVersion && <span className="badge muted">active v{summary.activeVersion}</span>}
      {summary.activeVersion == null && <span className="badge warn">not published</span>}
      {p.dirty && <span className="badge warn">unsaved</span>}
      {validationBadge}
      <span className="spacer" />
      <button type="button" onClick={p.history.undo} disabled={!p.history.canUndo} title="Undo (Ctrl+Z)">↶</button>
      <button type="button" onClick={p.history.redo} disabled={!p.history.canRedo} title="Redo (Ctrl+Shift+Z)">↷</button>
      <button type="button" onClick={p.onLayout} title="Arrange the nodes top to bottom">Auto-layout</button>
      <button type="button" onClick={p.onFit} title="Zoom to fit">Fit</button>
      <button type="button" onClick={p.onImport}>Import</button>
      <button type="button" onClick={p.onExport}>Export</button>
      <button type="button" className={p.drawer === 'versions' ? 'active' : ''} onClick={() => p.onToggleDrawer('versions')}>Versions</button>
      <button type="button" className={p.drawer === 'test' ? 'active' : ''} onClick={() => p.onToggleDrawer('test')}>Test run</button>
      <Link to={`/studio/instances?flowId=${encodeURIComponent(flowId)}`} className="button">Instances</Link>
      {info.status === 'Draft' && !offline && <button type="button" onClick={p.onDiscardDraft} title="Delete the saved draft">Discard draft</button>}
      {summary.activeVersion != null && <button type="button" onClick={p.onRetract} disabled={p.busy}>Retract</button>}
      <button type="button" onClick={p.onSave} disabled={p.busy || !p.dirty} title="Save draft (Ctrl+S)">Save draft</button>
      <button type="button" className="primary" onClick={p.onPublish} disabled={p.busy}>Publish</button>
    </div>
  );
}

/** The result of the last action; a save refused as stale offers to export the changes or reload theirs. */
export function DesignerBanner({ banner, onExport, onReloadTheirs, onClose }: { banner: Banner; onExport: () => void; onReloadTheirs: () => void; onClose: () => void }) {
  if (!banner) return null;
  return (
    <div className={`banner ${banner.kind}`}>
      <span>{banner.text}</span>
      {banner.kind === 'conflict' && (
        <>
          <button type="button" onClick={onExport}>Export my changes</button>
          <button type="button" onClick={onReloadTheirs}>Reload their version</button>
        </>
      )}
      {banner.errors && banner.errors.filter((e) => !e.nodeId).map((e) => <div key={e.message}>{e.message}</div>)}
      <button type="button" className="icon" onClick={onClose}>✕</button>
    </div>
  );
}

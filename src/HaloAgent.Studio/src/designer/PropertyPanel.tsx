import { memo, useMemo } from 'react';
import type { FlowVariable, Json, RetryPolicy } from '../api/types';
import { DONE, type DescriptorMap, type FlowGraph, type FlowMeta } from '../flow/model';
import type { MappedErrors } from '../flow/validation';
import { describeError } from '../flow/validation';
import { FLOW_ID, VARIABLE_NAME } from '../flow/values';
import { CasesEditor, CommitInput, type EditorContext, InputEditor, Problems, type VariantMessage, VariantsEditor } from './editors';

export interface PanelActions {
  setInput(nodeId: string, name: string, value: Json | undefined): void;
  /** Sets a Cases/Variants value after renaming one item: the edge from the old outcome follows the new name. */
  renameItem(nodeId: string, name: string, from: string, to: string, next: Json): void;
  setLabel(nodeId: string, label: string): void;
  setRetry(nodeId: string, retry: RetryPolicy | null): void;
  renameNode(oldId: string, newId: string): string | null;
  setMeta(patch: Partial<FlowMeta>, key: string): void;
  addVariantMessage(nodeId: string, variant: string): void;
  deleteSelection(): void;
  select(nodeId: string): void;
}

interface Props {
  graph: FlowGraph;
  descriptors: DescriptorMap;
  errors: MappedErrors;
  actions: PanelActions;
  context: EditorContext;
  readOnly?: boolean;
}

function RetryEditor({ retry, onChange }: { retry: RetryPolicy | null | undefined; onChange: (r: RetryPolicy | null) => void }) {
  const enabled = !!retry && (retry.maxRetries ?? 0) > 0;
  return (
    <fieldset className="retry">
      <legend>
        <label>
          <input type="checkbox" checked={enabled} onChange={(e) => onChange(e.target.checked ? { maxRetries: 3, delay: '00:00:02', exponential: true } : null)} /> Retry automatically before opening an incident
        </label>
      </legend>
      {enabled && (
        <div className="grid2">
          <label>Retries</label>
          <input type="number" min={0} value={retry!.maxRetries ?? 0} onChange={(e) => onChange({ ...retry, maxRetries: Number(e.target.value) })} />
          <label>First delay</label>
          <input className="mono" value={retry!.delay ?? '00:00:01'} title="[d.]hh:mm:ss — not the 30s format of inputs" onChange={(e) => onChange({ ...retry, delay: e.target.value })} />
          <label>Exponential</label>
          <input type="checkbox" checked={retry!.exponential ?? true} onChange={(e) => onChange({ ...retry, exponential: e.target.checked })} />
        </div>
      )}
    </fieldset>
  );
}

function NodeEditor({ graph, nodeId, descriptors, errors, actions, context, readOnly }: Props & { nodeId: string }) {
  const node = graph.nodes.find((n) => n.id === nodeId)!;
  const descriptor = descriptors.get(node.data.type);
  const fieldErrors = errors.byField[nodeId] ?? {};

  // Per-variant messages: the Log/SendMessage node each Split variant leads to.
  const variantMessages = useMemo(() => {
    const result: Record<string, VariantMessage | null> = {};
    if (node.data.type !== 'Split') return result;
    const variants = Array.isArray(node.data.inputs.variants) ? (node.data.inputs.variants as { name?: string }[]) : [];
    for (const v of variants) {
      if (!v?.name) continue;
      const edge = graph.edges.find((e) => e.source === nodeId && (e.sourceHandle || DONE) === v.name);
      const target = edge ? graph.nodes.find((n) => n.id === edge.target) : undefined;
      if (target && (target.data.type === 'Log' || target.data.type === 'SendMessage')) {
        const field = target.data.type === 'Log' ? 'message' : 'template';
        result[v.name] = { nodeId: target.id, type: target.data.type, field, value: typeof target.data.inputs[field] === 'string' ? (target.data.inputs[field] as string) : '' };
      } else result[v.name] = null;
    }
    return result;
  }, [graph, node, nodeId]);

  const general = [...(fieldErrors[''] ?? []), ...(fieldErrors.edges ?? [])];
  const declared = new Set(descriptor?.inputs.map((i) => i.name));
  const undeclared = Object.keys(node.data.inputs).filter((k) => !declared.has(k));

  return (
    <fieldset className="panel-body" disabled={readOnly}>
      <div className="panel-title">
        <span className={`cat-dot cat-${(descriptor?.category ?? 'unknown').toLowerCase()}`} /> {descriptor?.displayName ?? node.data.type}
      </div>
      {descriptor?.description && <p className="hint">{descriptor.description}</p>}
      {!descriptor && <Problems messages={[`Unknown activity type '${node.data.type}'.`]} />}
      <Problems messages={general} />
      <div className="field">
        <label>Id</label>
        <CommitInput
          className="mono"
          value={nodeId}
          validate={(v) => (!v.trim() ? 'An id is required.' : graph.nodes.some((n) => n.id === v) ? 'Another node has this id.' : null)}
          onCommit={(v) => {
            const problem = actions.renameNode(nodeId, v);
            if (problem) alert(problem);
          }}
        />
        <div className="hint">Edges, expressions (<code>nodes.{nodeId.includes('-') ? `["${nodeId}"]` : nodeId}</code>) and migrations refer to it.</div>
      </div>
      <div className="field">
        <label>Label</label>
        <input value={node.data.label ?? ''} placeholder={nodeId} onChange={(e) => actions.setLabel(nodeId, e.target.value)} />
      </div>
      {descriptor?.inputs.map((input) => {
        const value = node.data.inputs[input.name];
        const label = (
          <label title={input.name}>
            {input.displayName ?? input.name} {input.required && <span className="req">*</span>} <span className="kind">{input.kind}</span>
          </label>
        );
        if (input.kind === 'Cases') {
          return (
            <div key={input.name} className="field">
              {label}
              <CasesEditor name={input.name} value={value} fieldErrors={fieldErrors} onChange={(v) => actions.setInput(nodeId, input.name, v)} onRename={(from, to, next) => actions.renameItem(nodeId, input.name, from, to, next)} />
            </div>
          );
        }
        if (input.kind === 'Variants') {
          return (
            <div key={input.name} className="field">
              {label}
              <VariantsEditor
                name={input.name}
                value={value}
                fieldErrors={fieldErrors}
                messages={variantMessages}
                onChange={(v) => actions.setInput(nodeId, input.name, v)}
                onRename={(from, to, next) => actions.renameItem(nodeId, input.name, from, to, next)}
                onEditMessage={(target, field, v) => actions.setInput(target, field, v)}
                onAddMessage={(variant) => actions.addVariantMessage(nodeId, variant)}
              />
            </div>
          );
        }
        if (node.data.type === 'Start' && (input.name === 'event' || input.name === 'condition') && (node.data.inputs.trigger ?? 'manual') !== 'event' && value === undefined) return null;
        if (node.data.type === 'Start' && input.name === 'cron' && node.data.inputs.trigger !== 'schedule' && value === undefined) return null;
        return (
          <div key={input.name} className="field">
            {label}
            {input.description && <div className="hint">{input.description}</div>}
            <InputEditor input={input} value={value} fieldErrors={fieldErrors} context={input.uiHint === 'template' ? { ...context, writtenText: !!node.data.inputs.texts } : context} onChange={(v) => actions.setInput(nodeId, input.name, v)} />
          </div>
        );
      })}
      {undeclared.map((name) => (
        <div key={name} className="field">
          <label>{name} <span className="kind">not an input of this activity</span></label>
          <Problems messages={fieldErrors[name] ?? [`'${node.data.type}' has no input named '${name}'.`]} />
          <button type="button" onClick={() => actions.setInput(nodeId, name, undefined)}>Remove</button>
        </div>
      ))}
      {descriptor && descriptor.outputs.length > 0 && (
        <div className="field">
          <label>Output</label>
          <ul className="outputs">
            {descriptor.outputs.map((o) => (
              <li key={o.name}>
                <code>nodes.{nodeId.includes('-') ? `["${nodeId}"]` : nodeId}.{o.name}</code> <span className="kind">{o.type}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!descriptor?.isStart && !descriptor?.isTerminal && <RetryEditor retry={node.data.retry} onChange={(r) => actions.setRetry(nodeId, r)} />}
      <button type="button" className="danger" onClick={actions.deleteSelection}>Delete node</button>
    </fieldset>
  );
}

function VariablesEditor({ variables, onChange }: { variables: FlowVariable[]; onChange: (v: FlowVariable[]) => void }) {
  const set = (i: number, patch: Partial<FlowVariable>) => onChange(variables.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <div className="list-editor">
      {variables.map((v, i) => (
        <div key={i} className="row-head variable">
          <input className={`mono ${VARIABLE_NAME.test(v.name) ? '' : 'invalid'}`} value={v.name} placeholder="name" onChange={(e) => set(i, { name: e.target.value })} />
          <select value={v.type ?? 'string'} onChange={(e) => set(i, { type: e.target.value })}>
            {['string', 'number', 'boolean', 'object', 'array'].map((t) => <option key={t}>{t}</option>)}
          </select>
          <input
            className="mono"
            placeholder="default (JSON)"
            defaultValue={v.default === undefined ? '' : JSON.stringify(v.default)}
            onBlur={(e) => {
              const text = e.target.value.trim();
              if (!text) return set(i, { default: undefined });
              try {
                set(i, { default: JSON.parse(text) });
              } catch {
                set(i, { default: text });
              }
            }}
          />
          <button type="button" className="icon danger" onClick={() => onChange(variables.filter((_, j) => j !== i))}>✕</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...variables, { name: `var${variables.length + 1}`, type: 'string' }])}>+ Add variable</button>
    </div>
  );
}

function FlowSettings({ graph, errors, actions, readOnly }: Props) {
  const meta = graph.meta;
  return (
    <fieldset className="panel-body" disabled={readOnly}>
      <div className="panel-title">Flow</div>
      <div className="field">
        <label>Id</label>
        <input className={`mono ${FLOW_ID.test(meta.id) ? '' : 'invalid'}`} value={meta.id} disabled title="The id is fixed; create a new flow to change it." />
      </div>
      <div className="field">
        <label>Name</label>
        <input value={meta.name} onChange={(e) => actions.setMeta({ name: e.target.value }, 'meta:name')} />
      </div>
      <div className="field">
        <label>Description</label>
        <textarea rows={3} value={meta.description ?? ''} onChange={(e) => actions.setMeta({ description: e.target.value || undefined }, 'meta:description')} />
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={!!meta.options?.singleton} onChange={(e) => actions.setMeta({ options: { ...(meta.options ?? {}), singleton: e.target.checked } }, 'meta:options')} /> Singleton: one unfinished instance per contact
        </label>
      </div>
      <div className="field">
        <label>Variables</label>
        <VariablesEditor variables={meta.variables ?? []} onChange={(v) => actions.setMeta({ variables: v }, 'meta:variables')} />
      </div>
      {errors.count > 0 && (
        <div className="field">
          <label>Problems ({errors.count})</label>
          <ul className="problem-list">
            {errors.general.map((e, i) => <li key={`g${i}`}>{describeError(e)}</li>)}
            {Object.entries(errors.byNode).flatMap(([id, list]) =>
              list.map((e, i) => (
                <li key={`${id}${i}`}>
                  <button type="button" className="link" onClick={() => actions.select(id)}>{id}</button>
                  {e.field ? ` · ${e.field}` : ''}: {e.message}
                </li>
              )),
            )}
          </ul>
        </div>
      )}
    </fieldset>
  );
}

function PropertyPanelView(props: Props) {
  const selected = props.graph.nodes.filter((n) => n.selected);
  if (selected.length === 1) return <NodeEditor {...props} nodeId={selected[0].id} />;
  if (selected.length > 1) {
    return (
      <div className="panel-body">
        <div className="panel-title">{selected.length} nodes selected</div>
        <p className="hint">Drag to move them together; Ctrl+C / Ctrl+X to copy or cut, Delete to remove.</p>
        {!props.readOnly && <button type="button" className="danger" onClick={props.actions.deleteSelection}>Delete {selected.length} nodes</button>}
      </div>
    );
  }
  return <FlowSettings {...props} />;
}

export const PropertyPanel = memo(PropertyPanelView);

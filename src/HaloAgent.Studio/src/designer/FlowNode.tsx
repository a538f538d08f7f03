import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { ActivityDescriptor, Json } from '../api/types';
import { estimateNodeWidth, nodeHeight, nodeOutcomes } from '../flow/geometry';
import type { ActivityNode } from '../flow/model';
import { TARGET_HANDLE } from '../flow/model';
import { useCanvasContext } from './context';
import { useKeyed } from './keyedStore';

function short(value: Json | undefined, max = 48): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One line that tells what the node does without opening it. */
export function nodeSummary(descriptor: ActivityDescriptor | undefined, inputs: Record<string, Json>): string {
  switch (descriptor?.type) {
    case 'Start': {
      const trigger = (inputs.trigger as string) ?? 'manual';
      return trigger === 'event' ? `on ${inputs.event ?? '?'}` : trigger === 'schedule' ? `cron ${inputs.cron ?? '?'}` : 'manual start';
    }
    case 'Decision':
      return short(inputs.condition);
    case 'Delay':
      return inputs.duration ? `wait ${short(inputs.duration)}` : inputs.until ? `until ${short(inputs.until)}` : '';
    case 'WaitForEvent':
      return `${inputs.event ?? '?'}${inputs.timeout ? ` · timeout ${inputs.timeout}` : ''}`;
    case 'SetVariable':
      return `${inputs.name ?? '?'} = ${short(inputs.value, 36)}`;
    case 'Split':
      return Array.isArray(inputs.variants)
        ? inputs.variants.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? `${v.name}:${v.weight}` : '?')).join(' / ')
        : '';
  }
  if (!descriptor) return 'unknown activity';
  const first = descriptor.inputs.find((i) => inputs[i.name] !== undefined && i.kind !== 'Cases');
  return first ? short(inputs[first.name]) : '';
}

function FlowNodeView({ id, data, selected }: NodeProps<ActivityNode>) {
  const { descriptors, errors: errorStore, runState, readOnly } = useCanvasContext();
  const descriptor = descriptors.get(data.type);
  const errors = useKeyed(errorStore, id);
  const run = useKeyed(runState, id);
  const outcomes = useMemo(() => nodeOutcomes(descriptor, data), [descriptor, data]);
  const all = [...outcomes.declared, ...outcomes.extra];
  const handleKey = all.join('\u0000');
  // React Flow measures a node when it mounts (and when its size changes); only a change of handles at the same size
  // needs telling. Asking on mount too would make every mounted node update the whole store once more.
  const updateNodeInternals = useUpdateNodeInternals();
  const shownHandles = useRef(handleKey);
  useEffect(() => {
    if (shownHandles.current === handleKey) return;
    shownHandles.current = handleKey;
    updateNodeInternals(id);
  }, [id, handleKey, updateNodeInternals]);

  const category = (descriptor?.category ?? 'unknown').toLowerCase();
  const classes = [
    'fnode',
    `cat-${category}`,
    selected ? 'selected' : '',
    errors?.length ? 'has-errors' : '',
    !descriptor ? 'unknown' : '',
    run ? `run-${run}` : '',
  ].join(' ');

  return (
    <div className={classes} style={{ width: estimateNodeWidth(all.length), height: nodeHeight(all.length) }}>
      {!descriptor?.isStart && <Handle type="target" position={Position.Top} id={TARGET_HANDLE} isConnectable={!readOnly} />}
      <div className="fnode-head">
        <span className="fnode-type">{descriptor?.displayName ?? data.type}</span>
        {errors?.length ? (
          <span className="fnode-errors" title={errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('\n')}>
            {errors.length}
          </span>
        ) : null}
      </div>
      <div className="fnode-label">{data.label || id}</div>
      <div className="fnode-summary">{nodeSummary(descriptor, data.inputs)}</div>
      {all.length > 0 && (
        <div className="fnode-outcomes">
          {all.map((outcome) => (
            <div key={outcome} className={`fnode-outcome ${outcomes.extra.includes(outcome) ? 'stray' : ''}`} title={outcome}>
              <span>{outcome}</span>
              <Handle type="source" position={Position.Bottom} id={outcome} isConnectable={!readOnly} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const FlowNode = memo(FlowNodeView);

export const nodeTypes = { activity: FlowNode };

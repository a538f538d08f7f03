import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { EventDefinition, InputDescriptor, Json } from '../api/types';
import { checkExpression } from '../flow/expr';
import { checkCron, checkDuration, checkEventName, checkVariableName, describeDuration, parseDuration } from '../flow/values';
import { EventNameInput } from './EventNameInput';
import { TemplatePicker } from './TemplatePicker';
import { TemplateTexts } from './TemplateTexts';
import { useEventCatalog, useFunctionTable } from './useCatalogues';

export interface EditorContext {
  variables: string[];
  /** Event names this flow already uses; the catalogue of the product's events is loaded by the field itself. */
  eventNames: string[];
  /** The node sends a text written in the Studio (its `texts` input), not a template file: its key is a new name. */
  writtenText?: boolean;
}

export interface EditorProps {
  input: InputDescriptor;
  value: Json | undefined;
  onChange: (value: Json | undefined) => void;
  /** Server validation messages for this input (and its items, under `name[i].field`). */
  fieldErrors: Record<string, string[]>;
  context: EditorContext;
}

export function asText(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Problems({ messages }: { messages: (string | null | undefined)[] }) {
  const list = messages.filter(Boolean) as string[];
  if (!list.length) return null;
  return (
    <ul className="field-errors">
      {[...new Set(list)].map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

/** A text box that reports its value when it loses focus or on Enter (for names whose edges follow them). */
export function CommitInput({ value, onCommit, validate, ...rest }: { value: string; onCommit: (v: string) => void; validate?: (v: string) => string | null } & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const problem = validate && text !== value ? validate(text) : null;
  const commit = () => {
    if (text === value) return;
    if (problem) {
      setText(value);
      return;
    }
    onCommit(text);
  };
  return (
    <input
      {...rest}
      className={`${rest.className ?? ''} ${problem ? 'invalid' : ''}`}
      title={problem ?? rest.title}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') setText(value);
      }}
    />
  );
}

function ExpressionEditor({ value, onChange, condition, errors }: { value: Json | undefined; onChange: (v: Json | undefined) => void; condition: boolean; errors: string[] }) {
  const text = typeof value === 'boolean' ? String(value) : asText(value);
  const functions = useFunctionTable();
  const check = useMemo(() => checkExpression(text, { allowEmpty: true, functions }), [text, functions]);
  return (
    <div className="expr-editor">
      <textarea
        className={`mono ${check.ok ? '' : 'invalid'}`}
        rows={Math.min(6, Math.max(2, Math.ceil(text.length / 44)))}
        value={text}
        spellCheck={false}
        placeholder={condition ? "e.g. vars.total >= 500000 && lower(event.text) contains 'pay'" : "e.g. coalesce(event.name, 'friend')"}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      {!check.ok && check.error && (
        <div className="expr-error">
          <code className="mono">{text}</code>
          <code className="mono caret">{' '.repeat(Math.max(0, check.error.column - 1))}^</code>
          <span>{check.error.message}</span>
        </div>
      )}
      {check.ok && text && <div className="hint ok">✓ {check.roots.length ? `reads ${check.roots.join(', ')}` : 'constant'}</div>}
      <Problems messages={errors} />
      <details className="hint">
        <summary>Names and functions</summary>
        Roots: <code>vars</code>, <code>event</code>, <code>instance</code>, <code>nodes.&lt;id&gt;</code>. Functions:{' '}
        {functions ? [...functions.values()].map((f) => (
          <code key={f.name} title={`${f.description} (${f.arity}), e.g. ${f.example}`}>{f.name}</code>
        )) : 'the list could not be loaded; calls are checked when you publish.'}
      </details>
    </div>
  );
}

function DurationEditor({ value, onChange, errors }: { value: Json | undefined; onChange: (v: Json | undefined) => void; errors: string[] }) {
  const text = asText(value);
  const ms = parseDuration(text);
  const local = text ? checkDuration(text) : null;
  return (
    <div>
      <input className={local ? 'invalid' : ''} value={text} placeholder="30s, 15m, 2h, 1d, 1d 2h, PT30M" onChange={(e) => onChange(e.target.value || undefined)} />
      <div className="chips">
        {['30s', '15m', '1h', '6h', '1d', '3d', '1w'].map((d) => (
          <button key={d} type="button" className="chip" onClick={() => onChange(d)}>
            {d}
          </button>
        ))}
      </div>
      {ms !== null && <div className="hint ok">{describeDuration(ms)}</div>}
      <Problems messages={[local, ...errors]} />
    </div>
  );
}

function JsonEditor({ value, onChange, errors }: { value: Json | undefined; onChange: (v: Json | undefined) => void; errors: string[] }) {
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const lastValue = useRef(value);
  useEffect(() => {
    if (value !== lastValue.current) {
      lastValue.current = value;
      setText(value === undefined ? '' : JSON.stringify(value, null, 2));
      setProblem(null);
    }
  }, [value]);
  const commit = () => {
    if (text.trim() === '') {
      lastValue.current = undefined;
      onChange(undefined);
      return;
    }
    try {
      const parsed = JSON.parse(text) as Json;
      lastValue.current = parsed;
      setProblem(null);
      onChange(parsed);
    } catch (e) {
      setProblem(`Not JSON: ${(e as Error).message}`);
    }
  };
  return (
    <div>
      <textarea className={`mono ${problem ? 'invalid' : ''}`} rows={5} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} onBlur={commit} />
      <Problems messages={[problem, ...errors]} />
    </div>
  );
}

function CasesEditor({ value, onChange, fieldErrors, name, onRename }: { value: Json | undefined; onChange: (v: Json) => void; fieldErrors: Record<string, string[]>; name: string; onRename?: (from: string, to: string, next: Json) => void }) {
  const items = (Array.isArray(value) ? value : []) as { name?: string; condition?: Json }[];
  const set = (index: number, patch: Record<string, Json>) => onChange(items.map((it, i) => (i === index ? { ...it, ...patch } : it)) as Json);
  const move = (index: number, delta: number) => {
    const next = [...items];
    const [it] = next.splice(index, 1);
    next.splice(index + delta, 0, it);
    onChange(next as Json);
  };
  const names = items.map((i) => i.name ?? '');
  return (
    <div className="list-editor">
      {items.map((item, index) => (
        <div key={index} className="list-row">
          <div className="row-head">
            <CommitInput
              className="name"
              value={item.name ?? ''}
              placeholder="case name"
              validate={(v) => (!v.trim() ? 'A case needs a name.' : v === 'Default' || names.some((n, i) => n === v && i !== index) ? `The name '${v}' is used twice (or is reserved).` : null)}
              onCommit={(v) => {
                const next = items.map((it, i) => (i === index ? { ...it, name: v } : it)) as Json;
                if (onRename && item.name) onRename(item.name, v, next);
                else onChange(next);
              }}
            />
            <span className="row-tools">
              <button type="button" className="icon" disabled={index === 0} title="Move up (cases are tried in order)" onClick={() => move(index, -1)}>↑</button>
              <button type="button" className="icon" disabled={index === items.length - 1} title="Move down" onClick={() => move(index, 1)}>↓</button>
              <button type="button" className="icon danger" title="Remove case" onClick={() => onChange(items.filter((_, i) => i !== index) as Json)}>✕</button>
            </span>
          </div>
          <ExpressionEditor
            value={item.condition}
            condition
            onChange={(v) => set(index, { condition: v ?? '' })}
            errors={[...(fieldErrors[`${name}[${index}].condition`] ?? []), ...(fieldErrors[`${name}[${index}].name`] ?? []), ...(fieldErrors[`${name}[${index}]`] ?? [])]}
          />
        </div>
      ))}
      <button type="button" onClick={() => {
        let n = items.length + 1;
        while (names.includes(`case${n}`)) n++;
        onChange([...items, { name: `case${n}`, condition: '' }] as Json);
      }}>
        + Add case
      </button>
      <div className="hint">Cases are tried in order; the first true one is taken, else Default.</div>
      <Problems messages={fieldErrors[name] ?? []} />
    </div>
  );
}

export interface VariantMessage {
  nodeId: string;
  type: string;
  field: string;
  value: string;
}

export interface VariantsEditorProps {
  value: Json | undefined;
  name: string;
  onChange: (v: Json) => void;
  onRename: (from: string, to: string, next: Json) => void;
  fieldErrors: Record<string, string[]>;
  messages: Record<string, VariantMessage | null>;
  onEditMessage: (nodeId: string, field: string, value: string) => void;
  onAddMessage: (variant: string) => void;
}

export function VariantsEditor({ value, name, onChange, onRename, fieldErrors, messages, onEditMessage, onAddMessage }: VariantsEditorProps) {
  const items = (Array.isArray(value) ? value : []) as { name?: string; weight?: Json }[];
  const total = items.reduce((sum, it) => sum + (typeof it.weight === 'number' && it.weight > 0 ? it.weight : 0), 0);
  const names = items.map((i) => i.name ?? '');
  return (
    <div className="list-editor">
      {items.map((item, index) => {
        const weight = typeof item.weight === 'number' ? item.weight : Number(item.weight ?? 0);
        const pct = total > 0 && weight > 0 ? Math.round((weight / total) * 1000) / 10 : 0;
        const message = item.name ? messages[item.name] : null;
        return (
          <div key={index} className="list-row">
            <div className="row-head">
              <CommitInput
                className="name"
                value={item.name ?? ''}
                placeholder="variant"
                validate={(v) => (!v.trim() ? 'A variant needs a name.' : names.some((n, i) => n === v && i !== index) ? `The name '${v}' is used twice.` : null)}
                onCommit={(v) => {
                  const next = items.map((it, i) => (i === index ? { ...it, name: v } : it)) as Json;
                  if (item.name) onRename(item.name, v, next);
                  else onChange(next);
                }}
              />
              <input
                type="number"
                className="weight"
                min={0}
                value={Number.isFinite(weight) ? weight : ''}
                title="Relative weight"
                onChange={(e) => onChange(items.map((it, i) => (i === index ? { ...it, weight: e.target.value === '' ? 0 : Number(e.target.value) } : it)) as Json)}
              />
              <span className="pct">{pct}%</span>
              <button type="button" className="icon danger" title="Remove variant" onClick={() => onChange(items.filter((_, i) => i !== index) as Json)}>✕</button>
            </div>
            <div className="bar"><div style={{ width: `${pct}%` }} /></div>
            {item.name && (
              <div className="variant-message">
                {message ? (
                  <>
                    <label>
                      Message ({message.type === 'SendMessage' ? 'template key' : 'text'} of <code>{message.nodeId}</code>)
                    </label>
                    <input value={message.value} onChange={(e) => onEditMessage(message.nodeId, message.field, e.target.value)} />
                  </>
                ) : (
                  <button type="button" className="link" onClick={() => onAddMessage(item.name!)}>
                    + Add a message for “{item.name}”
                  </button>
                )}
              </div>
            )}
            <Problems messages={[...(fieldErrors[`${name}[${index}].name`] ?? []), ...(fieldErrors[`${name}[${index}].weight`] ?? [])]} />
          </div>
        );
      })}
      <button type="button" onClick={() => {
        let n = items.length;
        let candidate = String.fromCharCode(65 + n);
        while (names.includes(candidate)) candidate = `V${++n}`;
        onChange([...items, { name: candidate, weight: 50 }] as Json);
      }}>
        + Add variant
      </button>
      <div className="hint">Each contact always gets the same variant (sticky per contact). Weights are relative.</div>
      <Problems messages={fieldErrors[name] ?? []} />
    </div>
  );
}

function EventNameEditor({ input, value, onChange, errors, used, placeholder }: { input: InputDescriptor; value: Json | undefined; onChange: (v: Json | undefined) => void; errors: string[]; used: string[]; placeholder: string }) {
  const catalog: EventDefinition[] = useEventCatalog();
  const text = asText(value);
  const local = text ? checkEventName(text) : null;
  return (
    <div>
      <EventNameInput
        label={input.displayName || input.name}
        value={text}
        onChange={(v) => onChange(v || undefined)}
        catalog={catalog}
        used={used}
        placeholder={placeholder || 'e.g. order.created'}
        invalid={!!local}
      />
      <Problems messages={[local, ...errors]} />
    </div>
  );
}

const CRON_PRESETS: [string, string][] = [
  ['0 0 9 ? * MON', 'Mondays 09:00 UTC'],
  ['0 0 8 * * ?', 'Daily 08:00 UTC'],
  ['0 */15 * * * ?', 'Every 15 minutes'],
];

/** The editor for one input, chosen by its kind (and UI hint). Cases and Variants are handled by the panel. */
export function InputEditor({ input, value, onChange, fieldErrors, context }: EditorProps) {
  const listId = useId();
  const errors = fieldErrors[input.name] ?? [];
  const placeholder = input.default !== undefined && input.default !== null ? `default: ${asText(input.default)}` : '';
  switch (input.kind) {
    case 'Condition':
    case 'Expression':
      return <ExpressionEditor value={value} onChange={onChange} condition={input.kind === 'Condition'} errors={errors} />;
    case 'Duration':
      return <DurationEditor value={value} onChange={onChange} errors={errors} />;
    case 'Json':
      if (input.uiHint === 'template-texts') return <TemplateTexts value={value} onChange={onChange} fieldErrors={fieldErrors} />;
      return <JsonEditor value={value} onChange={onChange} errors={errors} />;
    case 'Number':
      return (
        <div>
          <input type="number" value={typeof value === 'number' ? value : asText(value)} placeholder={placeholder} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
          <Problems messages={errors} />
        </div>
      );
    case 'Boolean':
      return (
        <div>
          <select value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}>
            <option value="">{placeholder || '(not set)'}</option>
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
          <Problems messages={errors} />
        </div>
      );
    case 'Select':
      return (
        <div>
          <select value={asText(value)} onChange={(e) => onChange(e.target.value || undefined)}>
            <option value="">{placeholder || '(not set)'}</option>
            {(input.options ?? []).map((o) => (
              <option key={o} value={o}>{o}</option>
            ))}
          </select>
          <Problems messages={errors} />
        </div>
      );
    case 'EventName':
      return <EventNameEditor input={input} value={value} onChange={onChange} errors={errors} used={context.eventNames} placeholder={placeholder} />;
    case 'VariableName': {
      const text = asText(value);
      const local = text ? checkVariableName(text) : null;
      return (
        <div>
          <input list={listId} className={local ? 'invalid' : ''} value={text} placeholder={placeholder || 'variable name'} onChange={(e) => onChange(e.target.value || undefined)} />
          <datalist id={listId}>{context.variables.map((n) => <option key={n} value={n} />)}</datalist>
          <Problems messages={[local, ...errors]} />
        </div>
      );
    }
    case 'Cron': {
      const text = asText(value);
      const local = text ? checkCron(text) : null;
      return (
        <div>
          <input className={`mono ${local ? 'invalid' : ''}`} value={text} placeholder="sec min hour day month weekday" onChange={(e) => onChange(e.target.value || undefined)} />
          <div className="chips">
            {CRON_PRESETS.map(([c, label]) => (
              <button key={c} type="button" className="chip" title={c} onClick={() => onChange(c)}>{label}</button>
            ))}
          </div>
          <Problems messages={[local, ...errors]} />
        </div>
      );
    }
    default: {
      if (input.kind === 'Text' && input.uiHint === 'template') return <TemplatePicker value={asText(value)} onChange={(v) => onChange(v || undefined)} errors={errors} written={!!context.writtenText} />;
      const text = asText(value);
      const multiline = input.uiHint === 'multiline' || text.length > 50 || text.includes('\n');
      return (
        <div>
          {multiline ? (
            <textarea rows={3} value={text} placeholder={placeholder} onChange={(e) => onChange(e.target.value || undefined)} />
          ) : (
            <input value={text} placeholder={placeholder || (input.kind === 'DateTime' ? '2026-12-24T09:00:00Z or {{vars.at}}' : '')} onChange={(e) => onChange(e.target.value || undefined)} />
          )}
          {input.kind === 'Text' && <div className="hint">Handlebars: {'{{event.name}}'}, {'{{vars.order.number}}'}</div>}
          <Problems messages={errors} />
        </div>
      );
    }
  }
}

export { CasesEditor, Problems };

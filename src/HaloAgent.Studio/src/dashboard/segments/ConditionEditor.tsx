import { naira } from '../../api/money';
import { type AudienceField, type Condition, type Group, isGroup, OP_LABELS, type Rule } from '../../api/segments';
import { LANGUAGES } from '../../api/templates';

const CHOICE_LABELS: Record<string, string> = {
  ...Object.fromEntries(LANGUAGES.map((l) => [l.code, l.name])),
  whatsapp: 'WhatsApp',
  twilio: 'SMS / Twilio',
  webchat: 'Web chat',
};

/** A new rule on `field`, with a value its kind accepts. */
export function newRule(field: AudienceField): Rule {
  const value = field.kind === 'Choice' ? field.choices?.[0] ?? ''
    : field.kind === 'Boolean' ? true
    : field.kind === 'Count' ? 1
    : field.kind === 'Score' ? 4
    : field.kind === 'Days' ? 30
    : field.kind === 'Kobo' ? 1_000_000
    : '';
  return { field: field.name, op: field.ops[0], value };
}

function ValueInput({ field, rule, label, onChange }: { field: AudienceField; rule: Rule; label: string; onChange: (value: Rule['value']) => void }) {
  switch (field.kind) {
    case 'Choice':
      return (
        <select aria-label={label} value={String(rule.value)} onChange={(e) => onChange(e.target.value)}>
          {(field.choices ?? []).map((c) => <option key={c} value={c}>{CHOICE_LABELS[c] ?? c}</option>)}
        </select>
      );
    case 'Boolean':
      return (
        <select aria-label={label} value={String(rule.value)} onChange={(e) => onChange(e.target.value === 'true')}>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      );
    case 'Score':
      return (
        <select aria-label={label} value={String(rule.value)} onChange={(e) => onChange(Number(e.target.value))}>
          {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      );
    case 'Count':
    case 'Days':
      return <input aria-label={label} type="number" min={0} step={1} inputMode="numeric" value={String(rule.value)} onChange={(e) => onChange(e.target.value === '' ? '' : Math.max(0, Math.trunc(Number(e.target.value))))} />;
    case 'Kobo':
      // The marketer thinks in naira; the server keeps kobo.
      return (
        <span className="naira-input">
          <span aria-hidden>₦</span>
          <input aria-label={label} type="number" min={0} step={100} inputMode="decimal" value={typeof rule.value === 'number' ? rule.value / 100 : ''}
            onChange={(e) => onChange(e.target.value === '' ? '' : Math.max(0, Math.round(Number(e.target.value) * 100)))} />
        </span>
      );
    default:
      return <input aria-label={label} type="text" maxLength={100} value={String(rule.value)} placeholder={field.kind === 'Tag' ? 'vip' : 'product id'} onChange={(e) => onChange(e.target.value)} />;
  }
}

function RuleRow({ rule, fields, path, onChange, onRemove }: { rule: Rule; fields: AudienceField[]; path: string; onChange: (r: Rule) => void; onRemove: () => void }) {
  const field = fields.find((f) => f.name === rule.field) ?? fields[0];
  return (
    <div className="segment-rule" data-testid="segment-rule">
      <select aria-label={`Field ${path}`} value={field.name} onChange={(e) => onChange(newRule(fields.find((f) => f.name === e.target.value)!))}>
        {fields.map((f) => <option key={f.name} value={f.name}>{f.label}</option>)}
      </select>
      <select aria-label={`Test ${path}`} value={rule.op} onChange={(e) => onChange({ ...rule, op: e.target.value })}>
        {field.ops.map((op) => <option key={op} value={op}>{OP_LABELS[op] ?? op}</option>)}
      </select>
      <ValueInput field={field} rule={rule} label={`Value ${path}`} onChange={(value) => onChange({ ...rule, value })} />
      {field.kind === 'Kobo' && typeof rule.value === 'number' && <span className="hint">{naira(rule.value)}</span>}
      <button type="button" className="link danger" aria-label={`Remove condition ${path}`} onClick={onRemove}>Remove</button>
    </div>
  );
}

/** A group's conditions, each a rule or (one level down) a group of its own. */
export function GroupEditor({ group, fields, path, depth, onChange }: { group: Group; fields: AudienceField[]; path: string; depth: number; onChange: (g: Group) => void }) {
  const set = (i: number, c: Condition | null) =>
    onChange({ ...group, conditions: c === null ? group.conditions.filter((_, k) => k !== i) : group.conditions.map((old, k) => (k === i ? c : old)) });
  const prefix = path ? `${path}.` : '';
  return (
    <div className={`segment-group depth-${depth}`}>
      <label className="segment-match">
        Contacts matching{' '}
        <select aria-label={`Match ${path || 'all conditions'}`} value={group.match} onChange={(e) => onChange({ ...group, match: e.target.value as Group['match'] })}>
          <option value="all">all</option>
          <option value="any">any</option>
        </select>{' '}
        of these:
      </label>
      {group.conditions.length === 0 && <p className="hint">No conditions: every contact who can be reached.</p>}
      {group.conditions.map((c, i) => (isGroup(c)
        ? (
          <div key={i} className="segment-subgroup">
            <GroupEditor group={c} fields={fields} path={`${prefix}${i + 1}`} depth={depth + 1} onChange={(g) => set(i, g)} />
            <button type="button" className="link danger" onClick={() => set(i, null)}>Remove group</button>
          </div>
        )
        : <RuleRow key={i} rule={c} fields={fields} path={`${prefix}${i + 1}`} onChange={(r) => set(i, r)} onRemove={() => set(i, null)} />))}
      <div className="segment-add">
        <button type="button" onClick={() => onChange({ ...group, conditions: [...group.conditions, newRule(fields[0])] })}>Add condition</button>
        {depth === 0 && (
          <button type="button" onClick={() => onChange({ ...group, conditions: [...group.conditions, { match: 'any', conditions: [newRule(fields[0])] }] })}>Add group</button>
        )}
      </div>
    </div>
  );
}

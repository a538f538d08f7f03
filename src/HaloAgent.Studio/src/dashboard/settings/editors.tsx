import { DAYS, hoursOf, type DeliveryZone } from '../../api/shop';
import { FieldErrors } from '../../components/FieldErrors';

export interface ZoneDraft {
  name: string;
  /** As typed, in naira. */
  fee: string;
}

/** The zones as the form edits them: fees in naira, as typed. */
export const zoneDrafts = (zones: DeliveryZone[]): ZoneDraft[] => zones.map((z) => ({ name: z.name, fee: String(z.feeKobo / 100) }));

/** A day per row: open or closed, and from–to when open (a close before the open is after midnight). */
export function HoursEditor({ hours, onChange, errors }: {
  hours: Record<string, string>; onChange: (hours: Record<string, string>) => void; errors: Record<string, string[]>;
}) {
  const set = (day: string, value: string) => onChange({ ...hours, [day]: value });
  return (
    <div className="hours" role="group" aria-label="Opening hours">
      {DAYS.map(({ key, label }) => {
        const window = hoursOf(hours[key]);
        return (
          <div className="hours-row" key={key} data-testid={`hours-${key}`}>
            <label className="check"><input type="checkbox" checked={window !== null}
              onChange={(e) => set(key, e.target.checked ? '09:00-21:00' : 'closed')} aria-label={`Open on ${label}`} />{label}</label>
            {window ? (
              <span className="hours-times">
                <input type="time" aria-label={`${label} opens`} value={window[0]} onChange={(e) => set(key, `${e.target.value}-${window[1]}`)} />
                <span aria-hidden="true">–</span>
                <input type="time" aria-label={`${label} closes`} value={window[1]} onChange={(e) => set(key, `${window[0]}-${e.target.value}`)} />
              </span>
            ) : <span className="hours-closed">Closed</span>}
            <FieldErrors errors={errors} field={`openingHours.${key}`} />
          </div>
        );
      })}
    </div>
  );
}

/** The zones as rows of name and fee (naira), with add and remove. */
export function ZonesEditor({ zones, onChange, errors }: {
  zones: ZoneDraft[]; onChange: (zones: ZoneDraft[]) => void; errors: Record<string, string[]>;
}) {
  const set = (i: number, next: Partial<ZoneDraft>) => onChange(zones.map((z, j) => (j === i ? { ...z, ...next } : z)));
  return (
    <div className="zones">
      {zones.length === 0 && <p className="hint">No delivery zones: customers can only pick up.</p>}
      {zones.map((zone, i) => (
        <div className="zone-row" key={i} data-testid="zone-row">
          <label>Area<input value={zone.name} maxLength={60} aria-label={`Zone ${i + 1} area`} onChange={(e) => set(i, { name: e.target.value })} /></label>
          <label>Fee (₦)<input inputMode="decimal" value={zone.fee} aria-label={`Zone ${i + 1} fee`} onChange={(e) => set(i, { fee: e.target.value })} /></label>
          <button type="button" className="link danger" onClick={() => onChange(zones.filter((_, j) => j !== i))} aria-label={`Remove zone ${zone.name || i + 1}`}>Remove</button>
          <FieldErrors errors={errors} field={`deliveryZones[${i}].name`} />
          <FieldErrors errors={errors} field={`deliveryZones[${i}].feeKobo`} />
        </div>
      ))}
      <FieldErrors errors={errors} field="deliveryZones" />
      <button type="button" onClick={() => onChange([...zones, { name: '', fee: '' }])}>Add a zone</button>
    </div>
  );
}

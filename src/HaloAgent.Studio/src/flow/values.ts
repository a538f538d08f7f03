// Client-side checks for simple input kinds, mirroring the validator's rules (docs/flow-format.md, Input kinds).

export const EVENT_NAME = /^[a-z0-9]+([._-][a-z0-9]+)*$/;
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const FLOW_ID = /^[a-z0-9][a-z0-9_-]{0,99}$/;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A duration in milliseconds, or null when the text is not one ("30s", "1d 2h", "PT30M", "01:30:00", "1.02:00:00"). */
export function parseDuration(text: string): number | null {
  const s = text.trim();
  if (!s) return null;
  const short = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)(?:\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w))*$/i;
  if (short.test(s)) {
    let total = 0;
    for (const m of s.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/gi)) total += parseFloat(m[1]) * UNIT_MS[m[2].toLowerCase()];
    return total;
  }
  const iso = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(s);
  if (iso && s.length > 1 && !/T$/i.test(s)) {
    const [, w, d, h, m, sec] = iso.map((v) => (v === undefined ? 0 : parseFloat(v))) as number[];
    return w * UNIT_MS.w + d * UNIT_MS.d + h * UNIT_MS.h + m * UNIT_MS.m + sec * UNIT_MS.s;
  }
  const span = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(s);
  if (span) {
    const [, d, h, m, sec] = span;
    if (+m > 59 || +sec > 59 || +h > 23) return null;
    return (+(d ?? 0)) * UNIT_MS.d + +h * UNIT_MS.h + +m * UNIT_MS.m + +sec * UNIT_MS.s;
  }
  return null;
}

/** "1 day 2 hours" */
export function describeDuration(ms: number): string {
  if (ms === 0) return 'no time';
  const parts: string[] = [];
  const units: [string, number][] = [['week', UNIT_MS.w], ['day', UNIT_MS.d], ['hour', UNIT_MS.h], ['minute', UNIT_MS.m], ['second', UNIT_MS.s], ['ms', 1]];
  let rest = ms;
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(name === 'ms' ? `${n} ms` : `${n} ${name}${n === 1 ? '' : 's'}`);
      rest -= n * size;
    }
  }
  return parts.join(' ');
}

/** Null when fine, else the problem; templates ({{…}}) are accepted as they render at run time. */
export function checkDuration(text: string): string | null {
  if (text.includes('{{')) return null;
  return parseDuration(text) === null ? 'Not a duration (try 30s, 15m, 2h, 1d, 1d 2h or PT30M).' : null;
}

export function checkEventName(text: string): string | null {
  return EVENT_NAME.test(text) ? null : "An event name is lower-case words joined by '.', '-' or '_' (e.g. message.received).";
}

export function checkVariableName(text: string): string | null {
  return VARIABLE_NAME.test(text) ? null : "A variable name is letters, digits and '_', not starting with a digit.";
}

/** Quartz cron: 6 or 7 fields, `?` in day-of-month or day-of-week. A quick shape check; the server parses it fully. */
export function checkCron(text: string): string | null {
  const fields = text.trim().split(/\s+/);
  if (fields.length < 6 || fields.length > 7) return 'Quartz cron has 6 or 7 fields: seconds minutes hours day-of-month month day-of-week [year].';
  if (!fields[3].includes('?') && !fields[5].includes('?')) return "Put '?' in day-of-month or day-of-week (e.g. 0 0 9 ? * MON).";
  return null;
}

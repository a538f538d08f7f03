import { type Broadcast, broadcastStatusLabel, recipientStatusLabel, watTime } from '../../api/broadcasts';

/** A broadcast's state as a coloured word (themed in theme.css like the template badges). */
export function BroadcastStatusBadge({ status }: { status: string }) {
  return <span className={`broadcast-status bs-${status}`} data-testid="broadcast-status">{broadcastStatusLabel(status)}</span>;
}

export function RecipientStatusBadge({ status }: { status: string }) {
  return <span className={`recipient-status rs-${status}`} data-testid="recipient-status">{recipientStatusLabel(status)}</span>;
}

/** Recipients dealt with of all of them, and how many messages went out; the numbers are the accessible text. */
export function ProgressBar({ done, total, sent }: { done: number; total: number; sent: number }) {
  return (
    <div className="broadcast-progress" data-testid="broadcast-progress">
      <progress max={Math.max(total, 1)} value={done} aria-label={`${done} of ${total} recipients handled`} />
      <span className="hint">{done} of {total} handled · {sent} sent</span>
    </div>
  );
}

/** When it went, goes or was made, in WAT. */
export function whenLabel(b: Broadcast): string {
  if (b.completedAt) return `${b.status === 'cancelled' ? 'Cancelled' : 'Finished'} ${watTime(b.completedAt)}`;
  if (b.startedAt) return `Started ${watTime(b.startedAt)}`;
  if (b.scheduledAt) return `For ${watTime(b.scheduledAt)}`;
  return `Drafted ${watTime(b.createdAt)}`;
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ha: 'Hausa', yo: 'Yorùbá', ig: 'Igbo', pcm: 'Pidgin' };

/** Meta's language code (en, en_US, ha) in words. */
export const templateLanguageName = (code: string) => {
  const base = code.split('_')[0];
  const name = LANGUAGE_NAMES[base];
  return name ? (code === base ? name : `${name} (${code})`) : code;
};

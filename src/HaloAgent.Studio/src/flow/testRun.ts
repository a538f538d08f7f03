import type { TestRun, TestRunMessage, TestRunStatus } from '../api/testRuns';

/** How the panel draws one message: a WhatsApp-like bubble with its reply buttons or list rows. */
export interface ChatBubble {
  id: string;
  side: 'customer' | 'bot';
  text: string;
  time: string;
  /** 'buttons' are tapped in place; a 'list' opens behind its button label (WhatsApp's interactive list). */
  choices: { kind: 'buttons' | 'list'; label?: string; items: TestRunMessage['choices'] } | null;
  /** Only the bot's latest message can still be answered by tapping. */
  answerable: boolean;
  pending?: boolean;
}

const hhmm = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** The conversation as bubbles, oldest first; messages typed but not yet stored on the server are appended as pending. */
export function chatBubbles(messages: readonly TestRunMessage[], pending: readonly string[] = []): ChatBubble[] {
  const lastBot = messages.map((m) => m.direction).lastIndexOf('outbound');
  const lastCustomer = messages.map((m) => m.direction).lastIndexOf('inbound');
  const bubbles: ChatBubble[] = messages.map((m, i) => ({
    id: m.id,
    side: m.direction === 'inbound' ? 'customer' : 'bot',
    text: m.text,
    time: hhmm(m.at),
    choices: m.direction === 'outbound' && m.choices.length > 0
      ? { kind: m.listButton ? 'list' : 'buttons', label: m.listButton ?? undefined, items: m.choices }
      : null,
    answerable: i === lastBot && lastBot > lastCustomer,
  }));
  const stored = new Set(messages.filter((m) => m.direction === 'inbound').map((m) => m.text));
  pending.filter((t) => !stored.has(t)).forEach((text, i) => bubbles.push({ id: `pending-${i}`, side: 'customer', text, time: '', choices: null, answerable: false, pending: true }));
  return bubbles;
}

/** The run can still change: keep polling it. */
export const isLive = (status: TestRunStatus | undefined) => status === undefined || status === 'NotStarted' || status === 'Running' || status === 'Waiting' || status === 'Faulted';

/** A sentence for the status line under the chat. */
export function describeRun(run: Pick<TestRun, 'status' | 'waitingFor' | 'timerDueAt' | 'currentNodeId' | 'incident' | 'handOver'>): string {
  const handedOver = run.handOver ? sentence(`Handed over to a person${run.handOver.reason?.trim() ? `: ${run.handOver.reason.trim()}` : ''}`) : null;
  switch (run.status) {
    case 'NotStarted':
      return 'Waiting for the customer’s first message.';
    case 'Running':
      return `Running at ${run.currentNodeId ?? '…'}`;
    case 'Waiting': {
      const parts = [] as string[];
      if (run.waitingFor.length) parts.push(`for ${run.waitingFor.join(' or ')}`);
      if (run.timerDueAt) parts.push(`until ${new Date(run.timerDueAt).toLocaleString()}`);
      const waiting = `Waiting at ${run.currentNodeId ?? '…'}${parts.length ? ` ${parts.join(', ')}` : ''}.`;
      return handedOver ? `${handedOver} ${waiting}` : waiting;
    }
    case 'Faulted':
      return `Failed at ${run.currentNodeId ?? '…'}: ${run.incident ?? 'see the journal'}`;
    case 'Completed':
      return 'The flow finished.';
    case 'HandedOver':
      return handedOver ?? 'Handed over to a person.';
    case 'Cancelled':
    case 'Ended':
      return handedOver ? `${handedOver} The test run has ended.` : 'The test run has ended.';
  }
}

/** The status badge's words: the server's status, in a person's words where it is not one already. */
export const statusLabel = (status: TestRunStatus | undefined) => (status === 'HandedOver' ? 'Handed over' : status === 'NotStarted' ? 'Not started' : status ?? 'starting');

/** Ends a sentence with a full stop unless it already ends with one (a reason often does). */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Fast-forward is offered while the instance waits on a timer. */
export const canFastForward = (run: Pick<TestRun, 'status' | 'timerDueAt'> | null) => !!run && run.status === 'Waiting' && !!run.timerDueAt;

/** Marks the edges the run followed (and dims the others) without touching the document's own edge objects. */
export function decorateEdges<E extends { id: string; className?: string; animated?: boolean; zIndex?: number }>(edges: E[], taken: ReadonlySet<string> | null): E[] {
  if (!taken) return edges;
  return edges.map((e) => (taken.has(e.id) ? { ...e, className: 'taken', animated: true, zIndex: 1 } : { ...e, className: 'not-taken' }));
}

import { http } from './http';
import type { FlowDefinition, JournalEntry } from './types';

const enc = encodeURIComponent;

/** One message of the sandbox conversation, as the server's conversation history returns it. */
export interface TestRunMessage {
  id: string;
  /** inbound = the (sandbox) customer, outbound = the bot */
  direction: 'inbound' | 'outbound';
  channel: string;
  at: string;
  /** text, interactive, template, button_reply … */
  type: string;
  text: string;
  /** Buttons or list rows the bot offered (answer with `{reply: {id, title}}`). */
  choices: { id: string; title: string; description?: string | null }[];
  /** For interactive lists: the label of the button that opens the list. */
  listButton?: string | null;
  status?: string | null;
}

/**
 * NotStarted (waiting for the first message), Running, Waiting, Completed, HandedOver (the flow finished after handing
 * the chat to a person), Faulted, Cancelled, Ended.
 */
export type TestRunStatus = 'NotStarted' | 'Running' | 'Waiting' | 'Completed' | 'HandedOver' | 'Faulted' | 'Cancelled' | 'Ended';

/** The run's flow handed the chat to a person at this node, for this reason. */
export interface TestRunHandOver {
  nodeId: string;
  reason?: string | null;
}

export interface TestRun {
  runId: string;
  flowId: string;
  sandboxFlowId: string;
  contactKey: string;
  status: TestRunStatus;
  instanceId?: string | null;
  currentNodeId?: string | null;
  /** Set when the instance waits on a timer (fast-forward makes it due now). */
  timerDueAt?: string | null;
  waitingFor: string[];
  incident?: string | null;
  messages: TestRunMessage[];
  journal: JournalEntry[];
  handOver?: TestRunHandOver | null;
}

export interface TestRunContact {
  name: string;
  language: string;
}

export type CustomerMessage = { text: string } | { reply: { id: string; title: string } };

export const testRunsApi = {
  start: (flowId: string, definition: FlowDefinition, contact: TestRunContact) =>
    http.post<{ runId: string; contactKey: string }>(`/api/flows/${enc(flowId)}/test-runs`, { definition, contact }),
  get: (runId: string, signal?: AbortSignal) => http.get<TestRun>(`/api/test-runs/${enc(runId)}`, undefined, signal),
  send: (runId: string, message: CustomerMessage) => http.post<void>(`/api/test-runs/${enc(runId)}/messages`, message),
  fastForward: (runId: string) => http.post<void>(`/api/test-runs/${enc(runId)}/fast-forward`),
  end: (runId: string) => http.delete<void>(`/api/test-runs/${enc(runId)}`),
};

/**
 * Undo/redo as a pure reducer over immutable snapshots.
 *
 * - `set` replaces the present; with `record` (the default) the old present goes onto the undo stack. Edits that
 *   share a `key` (e.g. typing into one field) coalesce into one undo step.
 * - `set` with `record: false` changes the present without an undo step (selection, drag ticks).
 * - `commit` records an undo step from an earlier snapshot `from` (the state at drag start) to the present.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Coalescing key of the last recorded edit. */
  lastKey: string | null;
  limit: number;
}

export type HistoryAction<T> =
  | { type: 'set'; next: T; record?: boolean; key?: string }
  | { type: 'commit'; from: T }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; present: T };

export function createHistory<T>(present: T, limit = 200): History<T> {
  return { past: [], present, future: [], lastKey: null, limit };
}

function push<T>(stack: T[], item: T, limit: number): T[] {
  const next = [...stack, item];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

export function historyReducer<T>(state: History<T>, action: HistoryAction<T>): History<T> {
  switch (action.type) {
    case 'set': {
      if (action.next === state.present) return state;
      if (action.record === false) return { ...state, present: action.next };
      if (action.key && action.key === state.lastKey && state.past.length > 0) {
        return { ...state, present: action.next, future: [] };
      }
      return {
        ...state,
        past: push(state.past, state.present, state.limit),
        present: action.next,
        future: [],
        lastKey: action.key ?? null,
      };
    }
    case 'commit':
      if (action.from === state.present) return state;
      return { ...state, past: push(state.past, action.from, state.limit), future: [], lastKey: null };
    case 'undo': {
      if (state.past.length === 0) return state;
      const previous = state.past[state.past.length - 1];
      return {
        ...state,
        past: state.past.slice(0, -1),
        present: previous,
        future: [state.present, ...state.future],
        lastKey: null,
      };
    }
    case 'redo': {
      if (state.future.length === 0) return state;
      const [next, ...rest] = state.future;
      return { ...state, past: push(state.past, state.present, state.limit), present: next, future: rest, lastKey: null };
    }
    case 'reset':
      return createHistory(action.present, state.limit);
  }
}

export const canUndo = <T,>(h: History<T>) => h.past.length > 0;
export const canRedo = <T,>(h: History<T>) => h.future.length > 0;

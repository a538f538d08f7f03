import { type Dispatch, type MutableRefObject, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flowsApi } from '../api/flows';
import { errorMessage } from '../api/http';
import type { FlowDefinition, FlowSummary, FlowVersionInfo } from '../api/types';
import { flowKey, flowToGraph } from '../flow/convert';
import { canRedo, canUndo, createHistory, type History, type HistoryAction, historyReducer } from '../flow/history';
import type { DescriptorMap, FlowGraph } from '../flow/model';
import { addLeaveGuard } from '../router';

export interface Loaded {
  summary: FlowSummary;
  versions: FlowVersionInfo[];
  info: FlowVersionInfo;
  definition: FlowDefinition;
}

/** The draft when there is one, else the active (or latest) version: opening a flow never creates a draft. */
export async function loadFlow(flowId: string): Promise<Loaded> {
  const { flow, versions } = await flowsApi.get(flowId);
  const hasDraft = versions.some((v) => v.status === 'Draft');
  const doc = await flowsApi.version(flowId, hasDraft ? undefined : (flow.activeVersion ?? flow.latestVersion));
  return { summary: flow, versions, info: doc.info, definition: doc.definition };
}

export type LoadState = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: Loaded; key: number };

/** Loads the flow, and again on reload (a new key: the editor below starts over from what the server has). */
export function useLoadedFlow(flowId: string): { loaded: LoadState; reload: () => void } {
  const [loaded, setLoaded] = useState<LoadState>({ state: 'loading' });
  const reload = useCallback(() => {
    setLoaded({ state: 'loading' });
    loadFlow(flowId).then(
      (data) => setLoaded({ state: 'ready', data, key: Date.now() }),
      (e) => setLoaded({ state: 'error', message: errorMessage(e) }),
    );
  }, [flowId]);
  useEffect(reload, [reload]);
  return { loaded, reload };
}

export type Apply = (fn: (g: FlowGraph) => FlowGraph, options?: { record?: boolean; key?: string }) => void;

export interface FlowDocument {
  history: History<FlowGraph>;
  present: FlowGraph;
  /** The graph as of the last edit, for callbacks that must not re-subscribe on every change. */
  presentRef: MutableRefObject<FlowGraph>;
  dispatch: Dispatch<HistoryAction<FlowGraph>>;
  apply: Apply;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  info: FlowVersionInfo;
  infoRef: MutableRefObject<FlowVersionInfo>;
  setInfo: (info: FlowVersionInfo) => void;
  summary: FlowSummary;
  setSummary: (summary: FlowSummary) => void;
  versions: FlowVersionInfo[];
  setVersions: (versions: FlowVersionInfo[]) => void;
  /** The document as the server would store it (what validation and the dirty check compare). */
  docKey: string;
  dirty: boolean;
  dirtyRef: MutableRefObject<boolean>;
  markSaved: (key: string) => void;
}

/**
 * The flow being edited: its graph with undo/redo, the version it was loaded from, and whether it differs from what
 * was last saved (leaving the page with unsaved changes asks first).
 */
export function useFlowDocument(loaded: Loaded, descriptors: DescriptorMap): FlowDocument {
  const [history, dispatch] = useReducer(historyReducer<FlowGraph>, undefined, () => createHistory(flowToGraph(loaded.definition, descriptors)));
  const present = history.present;
  const presentRef = useRef(present);
  presentRef.current = present;
  const [info, setInfoState] = useState(loaded.info);
  const infoRef = useRef(info);
  infoRef.current = info;
  const setInfo = useCallback((next: FlowVersionInfo) => {
    infoRef.current = next;
    setInfoState(next);
  }, []);
  const [summary, setSummary] = useState(loaded.summary);
  const [versions, setVersions] = useState(loaded.versions);
  const [savedKey, setSavedKey] = useState(() => flowKey(history.present));

  const docKey = useMemo(() => flowKey(present), [present]);
  const dirty = docKey !== savedKey;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  const apply = useCallback<Apply>((fn, options = {}) => {
    const next = fn(presentRef.current);
    if (next === presentRef.current) return;
    presentRef.current = next;
    dispatch({ type: 'set', next, record: options.record, key: options.key });
  }, []);
  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const remove = addLeaveGuard(() => (dirtyRef.current ? 'You have unsaved changes in this flow. Leave anyway?' : null));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      remove();
    };
  }, []);

  return {
    history, present, presentRef, dispatch, apply, undo, redo, canUndo: canUndo(history), canRedo: canRedo(history),
    info, infoRef, setInfo, summary, setSummary, versions, setVersions, docKey, dirty, dirtyRef, markSaved: setSavedKey,
  };
}

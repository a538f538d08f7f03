import type { ReactFlowInstance } from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import { flowsApi } from '../api/flows';
import { ApiError, errorMessage } from '../api/http';
import type { FlowDefinition, ValidationError } from '../api/types';
import { download, parseLenientJson, pickFile } from '../components/util';
import { flowToGraph, graphToFlow } from '../flow/convert';
import type { ActivityNode, DescriptorMap, FlowEdge } from '../flow/model';
import type { FlowDocument } from './useFlowDocument';

export type Banner = { kind: 'error' | 'info' | 'conflict' | 'success'; text: string; errors?: ValidationError[] } | null;

interface Options {
  flowId: string;
  doc: FlowDocument;
  descriptors: DescriptorMap;
  flow: ReactFlowInstance<ActivityNode, FlowEdge>;
  setPublishErrors: (errors: ValidationError[] | null) => void;
  onReload: () => void;
  offline?: boolean;
}

/**
 * What the toolbar does with the server and files: save (refused when someone saved in between), publish (saving
 * first), retract, discard the draft, import and export JSON, restore a version; the banner and busy line that
 * report it.
 */
export function useFlowActions({ flowId, doc, descriptors, flow, setPublishErrors, onReload, offline }: Options) {
  const { presentRef, infoRef, dirtyRef, apply, setInfo, setSummary, setVersions, markSaved, summary } = doc;
  const [banner, setBanner] = useState<Banner>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const flash = useCallback((text: string, kind: 'info' | 'success' | 'error' = 'success') => setBanner({ kind, text }), []);

  const refreshMeta = useCallback(async () => {
    try {
      const { flow: s, versions: v } = await flowsApi.get(flowId);
      setSummary(s);
      setVersions(v);
    } catch {
      /* keep what we have */
    }
  }, [flowId, setSummary, setVersions]);

  const save = useCallback(async (): Promise<boolean> => {
    if (offline) return false;
    const definition = graphToFlow(presentRef.current);
    const key = JSON.stringify(definition);
    // Saving over a draft checks its revision; starting from a published version sends 0, so a draft someone else
    // created meanwhile is not overwritten either.
    const current = infoRef.current;
    const revision = current.status === 'Draft' ? current.revision : 0;
    setBusy('Saving…');
    try {
      const saved = await flowsApi.saveDraft(definition, revision);
      setInfo(saved);
      markSaved(key);
      flash(`Draft saved (version ${saved.version}, revision ${saved.revision}).`);
      void refreshMeta();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setBanner({ kind: 'conflict', text: `${e.message} Your changes were not saved and are still here: export them, then reload.` });
      } else if (e instanceof ApiError && e.status === 401) {
        setBanner({ kind: 'error', text: 'Not saved: your session has expired. Sign in again, then save: your changes are still here.' });
      } else setBanner({ kind: 'error', text: `Save failed: ${errorMessage(e)}` });
      return false;
    } finally {
      setBusy(null);
    }
  }, [flash, infoRef, markSaved, offline, presentRef, refreshMeta, setInfo]);
  const saveRef = useRef(save);
  saveRef.current = save;

  const publish = useCallback(async () => {
    if (dirtyRef.current) {
      if (!(await save())) return;
    } else if (infoRef.current.status !== 'Draft') {
      flash(`Nothing to publish: version ${infoRef.current.version} is ${infoRef.current.status.toLowerCase()} and there is no draft.`, 'info');
      return;
    }
    setBusy('Publishing…');
    try {
      const published = await flowsApi.publish(flowId);
      setInfo(published);
      flash(`Published version ${published.version}. New instances and triggers use it.`);
      void refreshMeta();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        setPublishErrors(e.validationErrors);
        setBanner({ kind: 'error', text: `Publish refused: ${e.validationErrors.length} problem(s), shown on the nodes. Nothing changed.`, errors: e.validationErrors });
      } else setBanner({ kind: 'error', text: `Publish failed: ${errorMessage(e)}` });
    } finally {
      setBusy(null);
    }
  }, [dirtyRef, flash, flowId, infoRef, refreshMeta, save, setInfo, setPublishErrors]);

  const retract = useCallback(async () => {
    if (!window.confirm(`Retract version ${summary.activeVersion} of “${summary.name}”? Its triggers are removed and new instances are refused; running instances finish on their version.`)) return;
    setBusy('Retracting…');
    try {
      const retracted = await flowsApi.retract(flowId);
      if (infoRef.current.version === retracted.version) setInfo(retracted);
      flash(`Retracted version ${retracted.version}.`);
      void refreshMeta();
    } catch (e) {
      setBanner({ kind: 'error', text: `Retract failed: ${errorMessage(e)}` });
    } finally {
      setBusy(null);
    }
  }, [flash, flowId, infoRef, refreshMeta, setInfo, summary]);

  const discardDraft = useCallback(async () => {
    if (!window.confirm('Discard the saved draft and all unsaved changes?')) return;
    try {
      await flowsApi.discardDraft(flowId);
      onReload();
    } catch (e) {
      setBanner({ kind: 'error', text: errorMessage(e) });
    }
  }, [flowId, onReload]);

  /** Reload what the server has, dropping the unsaved changes without asking again (after a conflict). */
  const reloadTheirs = useCallback(() => {
    dirtyRef.current = false;
    onReload();
  }, [dirtyRef, onReload]);

  const importJson = useCallback(async () => {
    const text = await pickFile('.json,application/json');
    if (!text) return;
    let definition: FlowDefinition;
    try {
      definition = parseLenientJson(text) as FlowDefinition;
      if (!definition || typeof definition !== 'object' || !Array.isArray(definition.nodes ?? [])) throw new Error('not a flow document');
    } catch (e) {
      flash(`Not a flow document: ${errorMessage(e)}`, 'error');
      return;
    }
    if (definition.id && definition.id !== flowId && !window.confirm(`The file is flow “${definition.id}”. Put its content into “${flowId}”?`)) return;
    const graph = flowToGraph({ ...definition, id: flowId, name: definition.name || presentRef.current.meta.name }, descriptors);
    apply(() => graph);
    requestAnimationFrame(() => flow.fitView());
    flash(`Imported ${graph.nodes.length} nodes. Save to keep them (undo to go back).`, 'info');
  }, [apply, descriptors, flash, flow, flowId, presentRef]);

  const exportJson = useCallback(() => {
    const definition = { ...graphToFlow(presentRef.current), version: infoRef.current.version };
    download(`${flowId}.v${infoRef.current.version}${dirtyRef.current ? '-unsaved' : ''}.json`, JSON.stringify(definition, null, 2));
  }, [dirtyRef, flowId, infoRef, presentRef]);

  const loadVersion = useCallback((definition: FlowDefinition, version: number) => {
    apply(() => flowToGraph({ ...definition, id: flowId }, descriptors));
    flash(`Restored the content of version ${version} in the editor; save to make it the draft (or undo).`, 'info');
  }, [apply, descriptors, flash, flowId]);

  return { banner, setBanner, busy, flash, save, saveRef, publish, retract, discardDraft, reloadTheirs, importJson, exportJson, loadVersion };
}

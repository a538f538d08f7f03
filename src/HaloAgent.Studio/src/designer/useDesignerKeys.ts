import { type MutableRefObject, useEffect, useRef } from 'react';
import { type ClipboardData, copySelection, parseClipboard, pasteClipboard } from '../flow/clipboard';
import { deleteSelection } from '../flow/graphOps';
import type { FlowDocument } from './useFlowDocument';

/**
 * Copy, cut and paste of the selected nodes (as JSON text, so a selection can go to another flow or tab), and the
 * keys: Ctrl+S saves anywhere; Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y and Ctrl+A act on the canvas, not inside a text field.
 */
export function useDesignerKeys({ presentRef, apply, dispatch }: Pick<FlowDocument, 'presentRef' | 'apply' | 'dispatch'>, saveRef: MutableRefObject<() => Promise<boolean>>) {
  const clipboard = useRef<ClipboardData | null>(null);
  const pasteCount = useRef(0);
  useEffect(() => {
    const editable = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    const selectedIds = () => presentRef.current.nodes.filter((n) => n.selected).map((n) => n.id);
    const onCopy = (e: ClipboardEvent, cut = false) => {
      if (editable(e.target)) return;
      const clip = copySelection(presentRef.current, selectedIds());
      if (!clip) return;
      e.preventDefault();
      clipboard.current = clip;
      pasteCount.current = 0;
      e.clipboardData?.setData('text/plain', JSON.stringify(clip, null, 2));
      if (cut) apply((g) => deleteSelection(g));
    };
    const onCut = (e: ClipboardEvent) => onCopy(e, true);
    const onPaste = (e: ClipboardEvent) => {
      if (editable(e.target)) return;
      const clip = parseClipboard(e.clipboardData?.getData('text/plain') ?? '') ?? clipboard.current;
      if (!clip) return;
      e.preventDefault();
      pasteCount.current += 1;
      const d = 40 * pasteCount.current;
      apply((g) => pasteClipboard(g, clip, { x: d, y: d }).graph);
    };
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        void saveRef.current?.();
        return;
      }
      if (editable(e.target)) return;
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); dispatch({ type: 'undo' }); }
      else if ((key === 'z' && e.shiftKey) || key === 'y') { e.preventDefault(); dispatch({ type: 'redo' }); }
      else if (key === 'a') {
        e.preventDefault();
        apply((g) => ({ ...g, nodes: g.nodes.map((n) => (n.selected ? n : { ...n, selected: true })) }), { record: false });
      }
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('keydown', onKey);
    };
  }, [apply, dispatch, presentRef, saveRef]);
}

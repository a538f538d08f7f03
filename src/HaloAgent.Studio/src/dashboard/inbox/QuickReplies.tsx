import { useCallback, useEffect, useState } from 'react';
import { quickRepliesApi } from '../../api/conversations';
import { errorMessage } from '../../api/http';

/** The business's quick replies, with a way to save a new list (one reply a line). */
export function useQuickReplies() {
  const [replies, setReplies] = useState<string[]>([]);
  useEffect(() => {
    quickRepliesApi.list().then(setReplies, () => setReplies([]));
  }, []);
  const save = useCallback(async (next: string[]) => setReplies(await quickRepliesApi.save(next)), []);
  return { replies, save };
}

/** A small editor: one reply a line; saved for everyone in the business. */
export function QuickRepliesEditor({ replies, onSave, onClose }: { replies: string[]; onSave: (next: string[]) => Promise<void>; onClose: () => void }) {
  const [text, setText] = useState(replies.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <form
      className="card inbox-quick-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        try {
          await onSave(text.split('\n').map((l) => l.trim()).filter(Boolean));
          onClose();
        } catch (err) {
          setError(errorMessage(err));
        } finally {
          setSaving(false);
        }
      }}
    >
      <label htmlFor="quick-replies-text"><b>Quick replies</b> <span className="hint">one a line; tap ⚡ in a chat to insert one</span></label>
      <textarea id="quick-replies-text" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      {error && <div className="banner error">{error}</div>}
      <div className="inbox-quick-actions">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="submit" className="primary" disabled={saving}>Save</button>
      </div>
    </form>
  );
}

/**
 * TODO(issue 5, test run): a chat panel that runs the current draft against a sandbox contact. It needs a server
 * endpoint that does not exist yet; the proposed contract is in API-CONTRACT.md ("Test runs"):
 *   POST /api/flows/{id}/test-runs {definition, contact:{name, language}} → {runId, contactKey}
 *   POST /api/test-runs/{runId}/messages {text}  and  GET /api/test-runs/{runId} (messages, journal, current node)
 */
export function TestRunPanel({ onClose }: { onClose: () => void }) {
  return (
    <div className="side-drawer todo">
      <div className="drawer-head">
        <b>Test run</b>
        <button type="button" className="icon" onClick={onClose}>✕</button>
      </div>
      <div className="todo-box">
        <b>TODO — not available yet.</b>
        <p>
          Running the draft against a sandbox contact needs a server endpoint that does not exist yet (proposed in
          API-CONTRACT.md under “Test runs”). Until then, publish and start an instance from the API, then follow it in
          the instance viewer.
        </p>
      </div>
    </div>
  );
}

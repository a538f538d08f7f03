import { useEffect, useState } from 'react';
import { type FlowTemplate, flowsApi } from '../api/flows';
import { errorMessage } from '../api/http';
import type { FlowDefinition } from '../api/types';
import { uniqueId } from '../flow/ids';
import { FLOW_ID } from '../flow/values';
import { navigate } from '../router';
import './newFlow.css';

const BLANK = '';

function blankFlow(id: string, name: string): FlowDefinition {
  return { id, name: name || id, nodes: [{ id: 'start', type: 'Start', label: 'Start', inputs: { trigger: 'manual' }, position: { x: 0, y: 0 } }], edges: [] };
}

/**
 * "New flow": blank, or a copy of one of the journeys the server ships (ordering, hand-over, reminders, ...) saved as a
 * draft under an id of its own; the designer opens on it.
 */
export function NewFlowForm({ taken, onError }: { taken: ReadonlySet<string>; onError: (message: string) => void }) {
  const [gallery, setGallery] = useState<FlowTemplate[] | null>(null);
  const [galleryError, setGalleryError] = useState<string | null>(null);
  const [from, setFrom] = useState(BLANK);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    flowsApi.gallery().then(setGallery, (e) => setGalleryError(errorMessage(e)));
  }, []);

  const choose = (template: FlowTemplate | null) => {
    setFrom(template?.key ?? BLANK);
    if (template) {
      setId(uniqueId(`${template.key}-copy`, taken));
      setName(`${template.name} (copy)`);
    }
  };

  const create = async () => {
    const template = gallery?.find((t) => t.key === from);
    const doc = template ? { ...template.definition, id, name: name || id } : blankFlow(id, name);
    setSaving(true);
    try {
      await flowsApi.create(doc);
      navigate(`/studio/flows/${encodeURIComponent(id)}`);
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card new-flow" onSubmit={(e) => { e.preventDefault(); void create(); }}>
      <fieldset className="gallery">
        <legend>Start from</legend>
        <label className={`gallery-card ${from === BLANK ? 'chosen' : ''}`}>
          <input type="radio" name="start-from" checked={from === BLANK} onChange={() => choose(null)} />
          <b>Blank flow</b>
          <span className="hint">Just a Start node.</span>
        </label>
        {gallery?.map((t) => (
          <label key={t.key} className={`gallery-card ${from === t.key ? 'chosen' : ''}`}>
            <input type="radio" name="start-from" checked={from === t.key} onChange={() => choose(t)} />
            <b>{t.name}</b>
            <span className="hint clamp">{t.description || `The shipped “${t.key}” journey.`}</span>
            <span className="hint">{t.nodeCount} steps</span>
          </label>
        ))}
        {!gallery && !galleryError && <span className="hint">Loading the shipped journeys…</span>}
        {galleryError && <span className="hint warn">The shipped journeys could not be loaded: {galleryError}</span>}
      </fieldset>
      <div className="inline-form">
        <label>Id <input className={`mono ${id && !FLOW_ID.test(id) ? 'invalid' : ''}`} value={id} placeholder="e.g. birthday-offer" onChange={(e) => setId(e.target.value)} required /></label>
        <label>Name <input value={name} placeholder="Birthday offer" onChange={(e) => setName(e.target.value)} /></label>
        <button type="submit" className="primary" disabled={!FLOW_ID.test(id) || taken.has(id) || saving}>Create</button>
      </div>
      <span className="hint">{taken.has(id) ? `You already have a flow “${id}”; choose another id.` : 'Lower-case letters, digits, - and _. The id is fixed once created. A copy starts as a draft.'}</span>
    </form>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import type { ActivityNode } from '../flow/model';
import { searchNodes } from '../flow/nodeSearch';
import './nodeSearch.css';

/**
 * Ctrl+K (Cmd+K) over the canvas: type part of a node's id, label or type; Enter or a tap centres and selects it.
 * Escape or a tap outside closes it.
 */
export function NodeSearch({ nodes, onChoose, onClose }: { nodes: readonly ActivityNode[]; onChoose: (id: string) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => searchNodes(nodes, query), [nodes, query]);
  useEffect(() => {
    input.current?.focus();
  }, []);
  useEffect(() => {
    setActive(0);
  }, [query]);

  const choose = (id: string | undefined) => {
    if (!id) return;
    onChoose(id);
    onClose();
  };
  return (
    <div className="node-search-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="node-search" role="dialog" aria-label="Find a node">
        <input
          ref={input}
          type="search"
          aria-label="Find a node"
          placeholder="Find a node by id, label or type"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') { e.preventDefault(); onClose(); }
            else if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, matches.length - 1)); }
            else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
            else if (e.key === 'Enter') { e.preventDefault(); choose(matches[active]?.id); }
          }}
        />
        <ul role="listbox" aria-label="Matching nodes">
          {matches.map((m, i) => (
            <li key={m.id} role="option" aria-selected={i === active}>
              <button type="button" onClick={() => choose(m.id)} onMouseEnter={() => setActive(i)}>
                <b>{m.label || m.id}</b> <code>{m.id}</code> <span className="hint">{m.type}</span>
              </button>
            </li>
          ))}
          {matches.length === 0 && <li className="hint empty">No node matches “{query}”.</li>}
        </ul>
      </div>
    </div>
  );
}

import { memo, useMemo, useState } from 'react';
import type { ActivityDescriptor } from '../api/types';

export const DRAG_TYPE = 'application/haloagent-activity';

function PaletteView({ activities, onAdd }: { activities: ActivityDescriptor[]; onAdd: (type: string) => void }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const map = new Map<string, ActivityDescriptor[]>();
    for (const a of activities) {
      if (q && !`${a.type} ${a.displayName} ${a.category} ${a.description ?? ''}`.toLowerCase().includes(q)) continue;
      map.set(a.category, [...(map.get(a.category) ?? []), a]);
    }
    const order = ['Flow', 'Time', 'Data'];
    // A plain comparison: the first localeCompare of a page sets up the ICU collator, tens of ms on a slow machine.
    return [...map].sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || (a < b ? -1 : a > b ? 1 : 0));
  }, [activities, query]);
  return (
    <aside className="palette">
      <input className="search" placeholder="Search activities" value={query} onChange={(e) => setQuery(e.target.value)} />
      {groups.map(([category, list]) => (
        <div key={category} className="palette-group">
          <div className="palette-category">{category}</div>
          {list.map((a) => (
            <div
              key={a.type}
              className={`palette-item cat-${category.toLowerCase()}`}
              draggable
              title={`${a.description ?? ''}\n\nDrag onto the canvas, or double-click to add.`}
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, a.type);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDoubleClick={() => onAdd(a.type)}
            >
              <span className={`cat-dot cat-${category.toLowerCase()}`} />
              {a.displayName}
            </div>
          ))}
        </div>
      ))}
    </aside>
  );
}

export const Palette = memo(PaletteView);

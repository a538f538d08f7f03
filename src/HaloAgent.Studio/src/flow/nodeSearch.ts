import type { ActivityNode } from './model';

export interface NodeMatch { id: string; label: string; type: string }

/**
 * The nodes whose id, label or type contain every word of the query (case- and accent-blind), best first: an exact id
 * or label, then one that starts with the query, then the rest in the flow's order. An empty query lists the first ones.
 */
export function searchNodes(nodes: readonly ActivityNode[], query: string, limit = 12): NodeMatch[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const q = words.join(' ');
  const scored: { match: NodeMatch; score: number; index: number }[] = [];
  nodes.forEach((n, index) => {
    const match = { id: n.id, label: n.data.label ?? '', type: n.data.type };
    const id = fold(match.id);
    const label = fold(match.label);
    const hay = `${id} ${label} ${fold(match.type)}`;
    if (!words.every((w) => hay.includes(w))) return;
    const score = !q ? 0 : id === q || label === q ? 3 : id.startsWith(q) || label.startsWith(q) ? 2 : 1;
    scored.push({ match, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.match);
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

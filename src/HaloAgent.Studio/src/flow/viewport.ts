/** The smallest zoom at which a node's label and type still read (12–13px text at 0.75 is ~9–10px on screen). */
export const READABLE_ZOOM = 0.75;

export interface Box { x: number; y: number; width: number; height: number }
export interface Viewport { x: number; y: number; zoom: number }

/** Space left above the Start node when the flow is too big to fit: the flow runs downwards from it. */
const TOP_MARGIN = 40;

/**
 * Where a flow opens: the whole flow centred when it fits at a readable zoom (at most `maxZoom`); otherwise at
 * `minZoom` with the Start node centred across and near the top, so its first steps read instead of the whole graph
 * shrinking to dots.
 */
export function openingViewport(boxes: readonly Box[], start: Box | undefined, canvas: { width: number; height: number }, options: { padding?: number; minZoom?: number; maxZoom?: number } = {}): Viewport {
  const { padding = 0.15, minZoom = READABLE_ZOOM, maxZoom = 1 } = options;
  if (boxes.length === 0 || canvas.width <= 0 || canvas.height <= 0) return { x: 0, y: 0, zoom: 1 };
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  const width = right - left;
  const height = bottom - top;
  const fit = Math.min(maxZoom, canvas.width / (width * (1 + 2 * padding)), canvas.height / (height * (1 + 2 * padding)));
  if (fit >= minZoom) {
    return { x: canvas.width / 2 - (left + width / 2) * fit, y: canvas.height / 2 - (top + height / 2) * fit, zoom: fit };
  }
  const anchor = start ?? boxes[0];
  const zoom = minZoom;
  // A node taller than the view (never in practice) still shows its top.
  const y = Math.min(TOP_MARGIN, Math.max(0, (canvas.height - anchor.height * zoom) / 2));
  return { x: canvas.width / 2 - (anchor.x + anchor.width / 2) * zoom, y: y - anchor.y * zoom, zoom };
}

import { describe, expect, it } from 'vitest';
import { openingViewport, READABLE_ZOOM } from './viewport';

const node = (x: number, y: number) => ({ x, y, width: 200, height: 84 });

describe('openingViewport', () => {
  it('fits a small flow whole, centred, no bigger than 1', () => {
    const boxes = [node(0, 0), node(0, 200)];
    const v = openingViewport(boxes, boxes[0], { width: 1000, height: 800 });
    expect(v.zoom).toBe(1);
    // the flow's centre (100, 142) lands on the canvas centre
    expect(v.x + 100 * v.zoom).toBeCloseTo(500);
    expect(v.y + 142 * v.zoom).toBeCloseTo(400);
  });

  it('opens a flow too big to read when fitted at the readable zoom on its Start node', () => {
    const boxes = Array.from({ length: 60 }, (_, i) => node((i % 6) * 300, Math.floor(i / 6) * 150));
    const start = node(750, 0);
    boxes.push(start);
    const v = openingViewport(boxes, start, { width: 390, height: 460 });
    expect(v.zoom).toBe(READABLE_ZOOM);
    const screenX = start.x * v.zoom + v.x;
    const screenY = start.y * v.zoom + v.y;
    // centred across, whole and near the top
    expect(screenX + (start.width * v.zoom) / 2).toBeCloseTo(195);
    expect(screenY).toBeGreaterThanOrEqual(0);
    expect(screenY + start.height * v.zoom).toBeLessThanOrEqual(460);
  });

  it('never opens below the readable zoom, whatever the canvas', () => {
    const boxes = Array.from({ length: 200 }, (_, i) => node(i * 250, i * 120));
    for (const canvas of [{ width: 390, height: 400 }, { width: 1366, height: 700 }]) {
      expect(openingViewport(boxes, boxes[0], canvas).zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    }
  });

  it('falls back to the first node without a Start, and to zoom 1 without nodes', () => {
    const boxes = Array.from({ length: 50 }, (_, i) => node(i * 400, 0));
    const v = openingViewport(boxes, undefined, { width: 800, height: 600 });
    expect(v.x + 100 * v.zoom).toBeCloseTo(400);
    expect(openingViewport([], undefined, { width: 800, height: 600 })).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});

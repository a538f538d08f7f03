import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, historyReducer as reduce } from './history';

describe('undo/redo reducer', () => {
  it('undoes and redoes recorded edits', () => {
    let h = createHistory({ n: 0 });
    h = reduce(h, { type: 'set', next: { n: 1 } });
    h = reduce(h, { type: 'set', next: { n: 2 } });
    expect(h.present.n).toBe(2);
    h = reduce(h, { type: 'undo' });
    expect(h.present.n).toBe(1);
    h = reduce(h, { type: 'undo' });
    expect(h.present.n).toBe(0);
    expect(canUndo(h)).toBe(false);
    h = reduce(h, { type: 'undo' });
    expect(h.present.n).toBe(0);
    h = reduce(h, { type: 'redo' });
    h = reduce(h, { type: 'redo' });
    expect(h.present.n).toBe(2);
    expect(canRedo(h)).toBe(false);
  });

  it('a new edit clears the redo stack', () => {
    let h = createHistory('a');
    h = reduce(h, { type: 'set', next: 'b' });
    h = reduce(h, { type: 'undo' });
    h = reduce(h, { type: 'set', next: 'c' });
    expect(h.future).toEqual([]);
    expect(h.past).toEqual(['a']);
  });

  it('coalesces edits with the same key (typing in one field)', () => {
    let h = createHistory('');
    for (const text of ['h', 'he', 'hel', 'hello']) h = reduce(h, { type: 'set', next: text, key: 'node:message' });
    h = reduce(h, { type: 'set', next: 'hello!', key: 'node:label' });
    expect(h.past).toEqual(['', 'hello']);
    h = reduce(h, { type: 'undo' });
    expect(h.present).toBe('hello');
    h = reduce(h, { type: 'undo' });
    expect(h.present).toBe('');
  });

  it('unrecorded changes do not add steps; commit records a drag as one step', () => {
    const start = { x: 0 };
    let h = createHistory(start);
    for (let x = 1; x <= 10; x++) h = reduce(h, { type: 'set', next: { x }, record: false });
    expect(h.past).toEqual([]);
    h = reduce(h, { type: 'commit', from: start });
    expect(h.past).toEqual([start]);
    h = reduce(h, { type: 'undo' });
    expect(h.present).toBe(start);
  });

  it('commit without a change is ignored; limit caps the stack; reset clears it', () => {
    let h = createHistory(0, 3);
    h = reduce(h, { type: 'commit', from: 0 });
    expect(h.past).toEqual([]);
    for (let i = 1; i <= 5; i++) h = reduce(h, { type: 'set', next: i });
    expect(h.past).toEqual([2, 3, 4]);
    h = reduce(h, { type: 'reset', present: 9 });
    expect(h).toMatchObject({ past: [], future: [], present: 9 });
  });
});

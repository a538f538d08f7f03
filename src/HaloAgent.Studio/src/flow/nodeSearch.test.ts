import { describe, expect, it } from 'vitest';
import type { ActivityNode } from './model';
import { searchNodes } from './nodeSearch';

const n = (id: string, type: string, label?: string): ActivityNode => ({ id, type: 'activity', position: { x: 0, y: 0 }, data: { type, label, inputs: {} } });
const nodes = [n('start', 'Start', 'Start'), n('ask-size', 'Ask', 'Ask the size'), n('send-receipt', 'SendMessage', 'Send the receipt'), n('size', 'Switch', 'Which size?'), n('ẹ-kaabo', 'SendMessage', 'Ẹ káàbọ̀')];

describe('searchNodes', () => {
  it('finds by id, label or type, every word', () => {
    expect(searchNodes(nodes, 'receipt').map((m) => m.id)).toEqual(['send-receipt']);
    expect(searchNodes(nodes, 'sendmessage').map((m) => m.id)).toEqual(['send-receipt', 'ẹ-kaabo']);
    expect(searchNodes(nodes, 'ask size').map((m) => m.id)).toEqual(['ask-size']);
    expect(searchNodes(nodes, 'nothing-like-it')).toEqual([]);
  });

  it('puts an exact id first, then a prefix', () => {
    expect(searchNodes(nodes, 'size').map((m) => m.id)).toEqual(['size', 'ask-size']);
  });

  it('ignores case and accents', () => {
    expect(searchNodes(nodes, 'KAABO').map((m) => m.id)).toEqual(['ẹ-kaabo']);
  });

  it('lists the first nodes for an empty query, up to the limit', () => {
    expect(searchNodes(nodes, '  ', 2).map((m) => m.id)).toEqual(['start', 'ask-size']);
  });
});

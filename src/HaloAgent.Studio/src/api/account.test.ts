import { describe, expect, it } from 'vitest';
import { actionLabel, changes } from './account';

describe('audit log helpers', () => {
  it('lists only the fields that changed', () => {
    expect(changes({ status: 'paid', number: 'MNK-1' }, { status: 'preparing', number: 'MNK-1', note: 'x' })).toEqual([
      { field: 'status', from: 'paid', to: 'preparing' },
      { field: 'note', from: undefined, to: 'x' },
    ]);
    expect(changes(null, { erased: true })).toEqual([{ field: 'erased', from: undefined, to: true }]);
  });

  it('names known actions and shows unknown ones as they are', () => {
    expect(actionLabel('payment.settings')).toBe('changed the payment settings');
    expect(actionLabel('something.new')).toBe('something.new');
  });
});

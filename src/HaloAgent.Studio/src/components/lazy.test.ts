import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { preloadable } from './lazy';

function Greeting({ name }: { name: string }) {
  return createElement('b', null, `Hello ${name}`);
}

describe('preloadable', () => {
  it('loads the chunk once, however often it is asked for', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const Page = preloadable(load);
    const [a, b] = await Promise.all([Page.preload(), Page.preload()]);
    await Page.preload();
    expect(a).toBe(Greeting);
    expect(b).toBe(Greeting);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(Greeting);
    const Page = preloadable<{ name: string }>(load);
    await expect(Page.preload()).rejects.toThrow('offline');
    await expect(Page.preload()).resolves.toBe(Greeting);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('renders the component directly, without suspending, once its chunk is there', async () => {
    const Page = preloadable(() => Promise.resolve(Greeting));
    await Page.preload();
    expect(renderToString(createElement(Page, { name: 'Ada' }))).toBe('<b>Hello Ada</b>');
  });
});

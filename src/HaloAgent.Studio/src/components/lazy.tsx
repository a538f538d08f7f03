import { type ComponentType, createElement, lazy, useState } from 'react';

export interface PreloadableComponent<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /** Starts loading the component's chunk (once); resolves when it is there. */
  preload(): Promise<ComponentType<P>>;
}

/**
 * A component whose code is a separate chunk, like React.lazy, but rendered directly, without suspending, once its
 * chunk has loaded (start that early with `preload()`). React.lazy suspends on every first render even when the
 * chunk is already there, and React reveals a suspended boundary at the earliest 300 ms after its fallback showed:
 * a page whose code was fetched in parallel with signing in would still wait for that.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): PreloadableComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Preloadable(props: P) {
    // Decided once per mounted instance: switching from the lazy wrapper to the component later would remount it.
    const [direct] = useState(() => loaded);
    return direct ? createElement(direct, props) : createElement(Lazy as unknown as ComponentType<P>, props);
  }
  return Object.assign(Preloadable, { preload });
}

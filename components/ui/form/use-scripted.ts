'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * Whether this page runs JavaScript: false in the server's HTML (and so for a browser without
 * JavaScript), true once React has hydrated. For what only a page without scripts needs, such as the
 * outcome of a form that a script would have replaced by a notice elsewhere.
 */
export function useScripted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

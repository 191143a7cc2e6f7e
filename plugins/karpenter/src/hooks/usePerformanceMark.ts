import { useEffect, useRef } from 'react';

/**
 * Names of the User Timing marks the plugin sets, read by `yarn bench` in Chromium (and visible in
 * the browser's performance panel).
 *
 * @public
 */
export const KARPENTER_PERFORMANCE_MARKS = {
  /** The entity tab mounted (before any data). */
  tabMounted: 'karpenter:tab:mounted',
  /** The tab's NodeClaims table committed its first page of rows. */
  nodeClaimsRendered: 'karpenter:tab:nodeclaims-rendered',
  /** The entity card committed its first summary. */
  cardRendered: 'karpenter:card:rendered',
} as const;

/** Sets the User Timing mark `name` once, the first time `ready` is true after commit. */
export function usePerformanceMark(name: string, ready: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    if (typeof performance !== 'undefined' && performance.mark) {
      performance.mark(name);
    }
  }, [name, ready]);
}

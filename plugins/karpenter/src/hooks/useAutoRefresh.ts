import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useEffect, useState } from 'react';

const DEFAULT_SECONDS = 30;

/** The configured refresh interval in ms (0 = off). @internal */
export function useRefreshIntervalMs(): number {
  const config = useApi(configApiRef);
  const seconds =
    config.getOptionalNumber('karpenter.frontend.refreshIntervalSeconds') ??
    DEFAULT_SECONDS;
  return Math.max(0, seconds) * 1000;
}

/**
 * A counter that increases every `intervalMs` while the document is visible, and once when it
 * becomes visible again after being hidden. Data hooks depend on it to refresh in place.
 *
 * @internal
 */
export function useRefreshTick(intervalMs: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!intervalMs) {
      return undefined;
    }
    let timer: ReturnType<typeof setInterval> | undefined;
    let missed = false;
    const start = () => {
      timer ??= setInterval(() => {
        if (document.hidden) {
          missed = true;
        } else {
          setTick(t => t + 1);
        }
      }, intervalMs);
    };
    const onVisibility = () => {
      if (!document.hidden && missed) {
        missed = false;
        setTick(t => t + 1);
      }
    };
    start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      if (timer) clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs]);
  return tick;
}

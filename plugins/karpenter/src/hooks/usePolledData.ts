import { DependencyList, useEffect, useRef, useState } from 'react';

/** State of data that refreshes in place. @internal */
export interface PolledData<T> {
  /** The latest successful value (kept while a refresh is in flight or after it failed). */
  value?: T;
  /** The error of the latest attempt, if it failed. */
  error?: Error;
  /** True only until the first answer (success or error). */
  loading: boolean;
  /** When `value` was last received. */
  updatedAt?: Date;
}

/**
 * Loads data and reloads it whenever `deps` (including a refresh tick) change, without
 * blanking what is on screen: the previous value stays until the new one arrives. With a
 * `cached` value (seen moments ago by another view) it starts from that and reloads at once.
 *
 * @internal
 */
export function usePolledData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  cached?: { value: T; updatedAt: Date },
): PolledData<T> {
  const [state, setState] = useState<PolledData<T>>(() =>
    cached ? { ...cached, loading: false } : { loading: true },
  );
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    load().then(
      value => {
        if (mine === generation.current) {
          setState({ value, loading: false, updatedAt: new Date() });
        }
      },
      error => {
        if (mine === generation.current) {
          setState(previous => ({ ...previous, error, loading: false }));
        }
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

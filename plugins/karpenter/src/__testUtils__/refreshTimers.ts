/**
 * Fakes only `setInterval` (the refresh tick) for the tests of a `describe`: msw and React keep
 * real timers. `waitFor` then re-checks on DOM changes only (its polling uses setInterval), so
 * wait for visible changes. Advance the tick with `jest.advanceTimersByTime`.
 */
export function withFakeRefreshTimers() {
  beforeEach(() =>
    jest.useFakeTimers({
      doNotFake: [
        'Date',
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
      ],
    }),
  );
  afterEach(() => jest.useRealTimers());
}

import { renderHook } from '@testing-library/react';
import { usePerformanceMark } from './usePerformanceMark';

describe('usePerformanceMark', () => {
  // jsdom's Performance has no User Timing: give it a recording `mark`.
  const mark = jest.fn();
  beforeAll(() =>
    Object.defineProperty(performance, 'mark', {
      value: mark,
      configurable: true,
    }),
  );
  afterAll(() => delete (performance as { mark?: unknown }).mark);

  it('marks once, on the first render where ready is true', () => {
    const { rerender } = renderHook(
      ({ ready }: { ready: boolean }) => usePerformanceMark('t:ready', ready),
      { initialProps: { ready: false } },
    );
    expect(mark).not.toHaveBeenCalled();
    rerender({ ready: true });
    rerender({ ready: false });
    rerender({ ready: true });
    expect(mark).toHaveBeenCalledTimes(1);
    expect(mark).toHaveBeenCalledWith('t:ready');
  });
});

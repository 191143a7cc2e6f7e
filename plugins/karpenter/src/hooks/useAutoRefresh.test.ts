import { act, renderHook } from '@testing-library/react';
import { useRefreshTick } from './useAutoRefresh';

describe('useRefreshTick', () => {
  let hidden = false;
  beforeEach(() => {
    jest.useFakeTimers();
    hidden = false;
    Object.defineProperty(document, 'hidden', {
      configurable: true,
      get: () => hidden,
    });
  });
  afterEach(() => jest.useRealTimers());

  it('ticks every interval while visible, pauses while hidden and catches up on return', () => {
    const { result } = renderHook(() => useRefreshTick(30_000));
    expect(result.current).toBe(0);
    act(() => void jest.advanceTimersByTime(30_000));
    expect(result.current).toBe(1);
    hidden = true;
    act(() => void jest.advanceTimersByTime(90_000));
    expect(result.current).toBe(1);
    hidden = false;
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(result.current).toBe(2);
  });

  it('never ticks when disabled', () => {
    const { result } = renderHook(() => useRefreshTick(0));
    act(() => void jest.advanceTimersByTime(600_000));
    expect(result.current).toBe(0);
  });
});

export { useRefreshIntervalMs, useRefreshTick } from './useAutoRefresh';
export { usePolledData } from './usePolledData';
export type { PolledData } from './usePolledData';
export { useEntitySummary } from './useEntitySummary';
export {
  KARPENTER_PERFORMANCE_MARKS,
  usePerformanceMark,
} from './usePerformanceMark';

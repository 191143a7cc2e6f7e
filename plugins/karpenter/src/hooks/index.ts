export { useRefreshIntervalMs, useRefreshTick } from './useAutoRefresh';
export { usePolledData } from './usePolledData';
export type { PolledData } from './usePolledData';
export { useRefreshedEntitySummary } from './useRefreshedEntitySummary';
export type { RefreshedEntitySummary } from './useRefreshedEntitySummary';
export {
  KARPENTER_PERFORMANCE_MARKS,
  usePerformanceMark,
} from './usePerformanceMark';
export {
  DEFAULT_TROUBLESHOOTING_URL,
  troubleshootingSection,
  useTroubleshootingUrl,
} from './useTroubleshootingUrl';

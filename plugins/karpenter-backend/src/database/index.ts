export { migrateDatabase } from './migrations';
export { DatabaseInterruptionStore } from './DatabaseInterruptionStore';
export type {
  ConsolidatedRecord,
  NodeMapping,
  NoticePage,
  InterruptionStore,
  InterruptionQuery,
  InterruptionPage,
  InterruptionCounts,
  QueueReadError,
} from './InterruptionStore';
export { DatabasePriceStore } from './PriceStore';
export type { PriceRefresh, PriceStore, StoredPrice } from './PriceStore';
export { DatabaseCostSampleStore } from './CostSampleStore';
export type {
  CostBucket,
  CostSample,
  CostSampleStore,
} from './CostSampleStore';

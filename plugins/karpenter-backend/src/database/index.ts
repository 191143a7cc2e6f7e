export { migrateDatabase } from './migrations';
export { DatabaseInterruptionStore } from './DatabaseInterruptionStore';
export type {
  InterruptionStore,
  InterruptionQuery,
  InterruptionPage,
  InterruptionCounts,
  QueueReadError,
} from './InterruptionStore';

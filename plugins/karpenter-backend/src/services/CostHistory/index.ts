export { CostHistory } from './CostHistory';
export type { NodePoolSource } from './CostHistory';
export { scheduleCostSampling } from './scheduleCostSampling';
export {
  ConsolidationSavingsEstimator,
  clusterSavingsPricing,
} from './ConsolidationSavingsEstimator';
export type { SavingsPricing } from './ConsolidationSavingsEstimator';

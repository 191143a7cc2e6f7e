export { CostHistory } from './CostHistory';
export type { NodePoolSource } from './CostHistory';
export { scheduleCostSampling } from './scheduleCostSampling';
export { ConsolidationSavingsEstimator } from './ConsolidationSavingsEstimator';
export type { SavingsPricing } from './ConsolidationSavingsEstimator';

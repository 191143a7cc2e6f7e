export { CostHistory } from './CostHistory';
export type { NodePoolSource } from './CostHistory';
export { scheduleCostSampling } from './scheduleCostSampling';

export { CostBreakdown } from './CostBreakdown';
export { costBreakdown } from './breakdown';
export type { CostBreakdownRow, CostBreakdownTotals } from './breakdown';

export { COST_WINDOWS, CostTrendChart } from './CostTrendChart';

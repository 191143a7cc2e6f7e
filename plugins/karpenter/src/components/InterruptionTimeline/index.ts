export { InterruptionTimeline, RANGES } from './InterruptionTimeline';
export { StackedBarChart } from './StackedBarChart';

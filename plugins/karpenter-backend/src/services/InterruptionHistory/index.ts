export { InterruptionHistory } from './InterruptionHistory';
export type { InterruptionHistoryQuery } from './InterruptionHistory';

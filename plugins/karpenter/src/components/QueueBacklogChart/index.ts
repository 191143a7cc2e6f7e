export { QueueBacklogChart } from './QueueBacklogChart';

export { CpuUsageBar, MemoryUsageBar, UsageBar } from './UsageBar';

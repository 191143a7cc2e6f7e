export { runKarpenterRender } from './main';
export type { CliIo } from './main';

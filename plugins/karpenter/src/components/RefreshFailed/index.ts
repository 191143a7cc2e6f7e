export { RefreshFailed } from './RefreshFailed';

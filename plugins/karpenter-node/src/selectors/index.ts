export {
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';
export type { Matcher } from './selectors';

/**
 * The Karpenter frontend plugin: entity card and entity tab.
 *
 * @packageDocumentation
 */
export {
  karpenterPlugin,
  EntityKarpenterCard,
  EntityKarpenterContent,
} from './plugin';
export { isKarpenterAvailable } from './isKarpenterAvailable';
export * from './api';

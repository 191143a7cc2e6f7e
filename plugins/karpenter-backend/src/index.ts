/**
 * The Karpenter backend plugin.
 *
 * @packageDocumentation
 */
export { karpenterPlugin as default } from './plugin';
export * from './permissions';

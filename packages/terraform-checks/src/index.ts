/**
 * Checks of terraform-module/karpenter that run without a terraform binary.
 *
 * @packageDocumentation
 */
export * from './loadModule';
export * from './checks';
export * from './applyChecks';

/**
 * Common types, annotations, permissions and models of the Karpenter plugins.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './permissions';
export * from './types';
export * from './interruptions';
export * from './template';
export * from './health';
export * from './api';
export * from './selectors';
export * from './schedule';
export * from './schema';

/**
 * Node.js library of the Karpenter plugins: the real Karpenter v1 CRDs and a validator.
 *
 * @packageDocumentation
 */
export * from './crds';

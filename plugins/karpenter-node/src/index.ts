/**
 * Node.js library of the Karpenter plugins: the real Karpenter v1 CRDs and a validator, and the
 * backend's extension points (cluster suppliers, auth strategies).
 *
 * @packageDocumentation
 */
export * from './crds';
export * from './extensions';
export * from './adapters';

/**
 * Node.js library of the Karpenter plugins: the extension points that platform teams implement in
 * their own backend modules to extend the Karpenter backend (cluster suppliers, auth strategies),
 * and adapters for the Kubernetes plugin's contracts.
 *
 * The vendored Karpenter v1 CRDs and their validator live in `@karpenter-backstage/karpenter-crds`.
 *
 * @packageDocumentation
 */
export * from './extensions';
export * from './adapters';
export * from './services';

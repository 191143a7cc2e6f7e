/**
 * Node.js library of the Karpenter plugins: the extension points that platform teams implement in
 * their own backend modules to extend the Karpenter backend.
 *
 * The vendored Karpenter v1 CRDs and their validator live in `@karpenter-backstage/karpenter-crds`.
 *
 * @packageDocumentation
 */
export {};

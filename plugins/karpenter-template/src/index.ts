/**
 * The input model of the Karpenter Software Template.
 *
 * @packageDocumentation
 */
export {};

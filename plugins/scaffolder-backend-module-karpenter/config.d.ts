export interface Config {
  /** Configuration of the Karpenter scaffolder actions. */
  karpenter?: {
    scaffolder?: {
      /**
       * Default `source` of the generated `module "karpenter"` block (a git URL pinned with `?ref=`,
       * or a registry address) where you published terraform-module/karpenter. Required unless every
       * template run names a `moduleSource`: there is no built-in default.
       * @visibility backend
       */
      defaultModuleSource?: string;
    };
  };
}

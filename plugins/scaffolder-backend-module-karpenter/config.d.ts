export interface Config {
  /** Configuration of the Karpenter scaffolder actions. */
  karpenter?: {
    scaffolder?: {
      /**
       * Default `source` of the generated `module "karpenter"` block (a git URL pinned with `?ref=`).
       * @visibility backend
       */
      defaultModuleSource?: string;
    };
  };
}

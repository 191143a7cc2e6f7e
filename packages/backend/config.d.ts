export interface Config {
  catalog?: {
    /**
     * Local portal only: allow registering `file` locations through the API (browser tests).
     * @visibility backend
     */
    allowFileLocationRegistration?: boolean;
  };
  karpenter?: {
    /**
     * Example module `karpenter.catalog-clusters`: Karpenter clusters from catalog Resources of
     * `spec.type: kubernetes-cluster` (annotation `kubernetes.io/api-server`). The catalog then
     * decides where the backend sends credentials: keep `allowedUrls` narrow.
     */
    catalogClusters?: {
      /**
       * Off unless true.
       * @visibility backend
       */
      enabled?: boolean;
      /**
       * API server URL patterns catalog clusters may use (`*`: any characters but `/`), e.g.
       * `https://*.eks.amazonaws.com`; an entity with another URL is skipped.
       * @visibility backend
       */
      allowedUrls?: string[];
      /**
       * The authProvider of every catalog cluster (default `aws`); never read from the entity.
       * @visibility backend
       */
      authProvider?: string;
      aws?: {
        /**
         * Role assumed for the EKS tokens of catalog clusters.
         * @visibility backend
         */
        roleArn?: string;
      };
    };
  };
}

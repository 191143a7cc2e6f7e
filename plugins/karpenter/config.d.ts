export interface Config {
  karpenter?: {
    frontend?: {
      /**
       * How often the card and tab refresh, in seconds (default 30; 0 disables). Refreshing
       * pauses while the browser tab is hidden.
       * @visibility frontend
       */
      refreshIntervalSeconds?: number;
      /**
       * Link to the troubleshooting page shown on the card and, with a section per reason, in the
       * tab's Waiting pods panel (default: this plugin set's TechDocs).
       * @visibility frontend
       */
      troubleshootingUrl?: string;
      /**
       * Entity ref of the "Change Karpenter NodePools" template that the card's and the tab's
       * remediation links ("Raise the limit", "Change disruption settings") open, prefilled with
       * the cluster entity and the NodePool (default `template:default/karpenter-nodepools-change`).
       * The links are shown only while this template is in the catalog.
       * @visibility frontend
       */
      changeTemplate?: string;
    };
  };
}

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
       * Link to the troubleshooting page shown on the card (default: this plugin set's TechDocs).
       * @visibility frontend
       */
      troubleshootingUrl?: string;
    };
  };
}

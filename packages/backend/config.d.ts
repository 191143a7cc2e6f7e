export interface Config {
  catalog?: {
    /**
     * Local portal only: allow registering `file` locations through the API (browser tests).
     * @visibility backend
     */
    allowFileLocationRegistration?: boolean;
  };
}

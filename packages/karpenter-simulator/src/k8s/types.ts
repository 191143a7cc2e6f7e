/** A fault injected into the simulator. @public */
export interface Fault {
  id?: string;
  cluster?: string;
  resource?: string;
  status?: number;
  delayMs?: number;
  malformedJson?: boolean;
  dropWatchAfterMs?: number;
  sqsError?: 'QueueDoesNotExist' | 'AccessDenied' | 'Throttling';
  once?: boolean;
}

/** One request the simulator received. @public */
export interface RequestLogEntry {
  cluster?: string;
  service: 'k8s' | 'sqs';
  method: string;
  path: string;
  query?: string;
  action?: string;
  by?: 'consumer';
  status?: number;
  at: number;
}

import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Fault, RequestLogEntry } from '../k8s/types';
import type { PriceTable } from './priceTable';
import { PricingService, pricingFaultFor } from './faults';

/** What a simulated pricing API reads from the simulator. */
export interface PricingServerOptions {
  prices: PriceTable;
  faults: () => Fault[];
  consumeFault: (fault: Fault) => void;
  log: (entry: RequestLogEntry) => void;
  /** When the current prices were set (spot `timestamp`, price list `publicationDate`). */
  pricesSince: () => number;
}

/** One request as the servers answer it: its body and a fault in effect for it. */
export interface PricingRequest {
  req: IncomingMessage;
  body: string;
  fault?: Fault;
}

/**
 * An HTTP server on 127.0.0.1 for one AWS pricing API: reads the body, finds the fault in effect
 * (waiting its `delayMs`) and hands both to `handle`. Signatures are not checked.
 */
export abstract class LoopbackServer {
  private readonly server: http.Server;

  constructor(
    protected readonly service: PricingService,
    protected readonly options: PricingServerOptions,
  ) {
    this.server = http.createServer((req, res) => {
      this.receive(req, res).catch(error =>
        this.internalError(res, String(error?.message ?? error)),
      );
    });
  }

  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  /** Logs the request (its action, and its status once answered). */
  protected log(req: IncomingMessage, res: ServerResponse, action: string) {
    const entry: RequestLogEntry = {
      service: this.service,
      method: req.method ?? 'POST',
      path: req.url ?? '/',
      action,
      at: Date.now(),
    };
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    this.options.log(entry);
  }

  private async receive(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const fault = pricingFaultFor(
      this.options.faults(),
      this.service,
      this.options.consumeFault,
    );
    if (fault?.delayMs)
      await new Promise(resolve => setTimeout(resolve, fault.delayMs));
    await this.handle(
      { req, body: Buffer.concat(chunks).toString('utf8'), fault },
      res,
    );
  }

  /** Answers the request on `res` (what it returns is not used). */
  protected abstract handle(
    request: PricingRequest,
    res: ServerResponse,
  ): unknown;

  protected abstract internalError(res: ServerResponse, message: string): void;
}

/** The region a request is signed for (SigV4 credential scope), if signed. */
export function signedRegion(req: IncomingMessage): string | undefined {
  const auth = String(req.headers.authorization ?? '');
  return auth.match(/Credential=[^/]+\/\d{8}\/([^/]+)\//)?.[1];
}

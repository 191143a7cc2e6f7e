import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Fault, RequestLogEntry } from '../k8s/types';
import { isJsonObject } from '../model/json';
import { Queue } from './Queue';

const ERRORS = {
  QueueDoesNotExist: {
    status: 400,
    type: 'com.amazonaws.sqs#QueueDoesNotExist',
    query: 'AWS.SimpleQueueService.NonExistentQueue;Sender',
    message: 'The specified queue does not exist.',
  },
  AccessDenied: {
    status: 403,
    type: 'com.amazon.coral.service#AccessDeniedException',
    query: 'AccessDenied;Sender',
    message:
      'User: arn:aws:sts::000000000000:assumed-role/backstage is not authorized to perform: sqs:GetQueueAttributes',
  },
  Throttling: {
    status: 400,
    type: 'com.amazonaws.sqs#RequestThrottled',
    query: 'RequestThrottled;Sender',
    message: 'Rate exceeded',
  },
  InvalidAction: {
    status: 400,
    type: 'com.amazonaws.sqs#InvalidAction',
    query: 'InvalidAction;Sender',
    message: 'Unsupported action',
  },
} as const;

/** A number member of a request (JSON numbers; anything else as JavaScript arithmetic reads it). */
function numberOr(value: unknown, fallback: number): number {
  return value === undefined || value === null ? fallback : Number(value);
}

/**
 * SQS over the AWS JSON 1.0 protocol (`X-Amz-Target: AmazonSQS.<Operation>`) for the simulated
 * interruption queues. Signatures are not checked.
 */
export class SqsServer {
  private readonly server: http.Server;
  private endpoint = '';

  constructor(
    private readonly queues: Map<string, Queue>,
    private readonly options: {
      faults: () => Fault[];
      consumeFault: (fault: Fault) => void;
      log: (entry: RequestLogEntry) => void;
      clusterOfQueue: (name: string) => string | undefined;
    },
  ) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(error =>
        this.error(res, 'InvalidAction', String(error?.message ?? error)),
      );
    });
  }

  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.endpoint = `http://127.0.0.1:${
      (this.server.address() as AddressInfo).port
    }`;
    return this.endpoint;
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  queueUrl(name: string) {
    return `${this.endpoint}/000000000000/${name}`;
  }

  private error(
    res: ServerResponse,
    code: keyof typeof ERRORS,
    message?: string,
  ) {
    const e = ERRORS[code];
    const body = JSON.stringify({
      __type: e.type,
      message: message ?? e.message,
    });
    res.writeHead(e.status, {
      'Content-Type': 'application/x-amz-json-1.0',
      'x-amzn-query-error': e.query,
      'x-amzn-RequestId': '00000000-0000-0000-0000-000000000000',
    });
    res.end(body);
  }

  private ok(res: ServerResponse, body: unknown) {
    res.writeHead(200, {
      'Content-Type': 'application/x-amz-json-1.0',
      'x-amzn-RequestId': '00000000-0000-0000-0000-000000000000',
    });
    res.end(JSON.stringify(body));
  }

  private queueFromUrl(url: unknown): Queue | undefined {
    const name = typeof url === 'string' ? url.split('/').pop() : undefined;
    return name ? this.queues.get(name) : undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    const action = target.replace(/^AmazonSQS\./, '');
    let body: unknown = {};
    try {
      body = chunks.length
        ? JSON.parse(Buffer.concat(chunks).toString('utf8'))
        : {};
    } catch {
      return this.error(res, 'InvalidAction', 'malformed JSON body');
    }
    // the request's members are a JSON object's (another value has none; null is malformed)
    if (body === null)
      return this.error(res, 'InvalidAction', 'malformed JSON body');
    const input: Record<string, unknown> = isJsonObject(body) ? body : {};
    const named =
      input.QueueName ??
      (typeof input.QueueUrl === 'string'
        ? input.QueueUrl.split('/').pop()
        : undefined);
    const queueName = typeof named === 'string' ? named : undefined;
    const cluster = queueName
      ? this.options.clusterOfQueue(queueName)
      : undefined;
    this.options.log({
      service: 'sqs',
      cluster,
      method: req.method ?? 'POST',
      path: req.url ?? '/',
      action,
      at: Date.now(),
    });

    const fault = this.options
      .faults()
      .find(f => f.sqsError && (!f.cluster || f.cluster === cluster));
    if (fault) {
      if (fault.once) this.options.consumeFault(fault);
      return this.error(res, fault.sqsError!);
    }
    switch (action) {
      case 'GetQueueUrl': {
        const name = input.QueueName;
        if (typeof name !== 'string' || !this.queues.has(name))
          return this.error(res, 'QueueDoesNotExist');
        return this.ok(res, { QueueUrl: this.queueUrl(name) });
      }
      case 'GetQueueAttributes': {
        const queue = this.queueFromUrl(input.QueueUrl);
        if (!queue) return this.error(res, 'QueueDoesNotExist');
        const all = queue.attributes();
        const names = input.AttributeNames ?? ['All'];
        if (!Array.isArray(names))
          return this.error(res, 'InvalidAction', 'AttributeNames: not a list');
        const Attributes = names.includes('All')
          ? all
          : Object.fromEntries(
              names
                .filter((n): n is string => typeof n === 'string' && n in all)
                .map(n => [n, all[n]]),
            );
        return this.ok(res, { Attributes });
      }
      case 'ReceiveMessage': {
        const queue = this.queueFromUrl(input.QueueUrl);
        if (!queue) return this.error(res, 'QueueDoesNotExist');
        return this.ok(res, {
          Messages: queue.receive(
            numberOr(input.MaxNumberOfMessages, 1),
            numberOr(input.VisibilityTimeout, 30),
          ),
        });
      }
      case 'DeleteMessage': {
        const queue = this.queueFromUrl(input.QueueUrl);
        if (!queue) return this.error(res, 'QueueDoesNotExist');
        const handle = input.ReceiptHandle;
        if (typeof handle === 'string' || handle === undefined)
          queue.delete(handle);
        return this.ok(res, {});
      }
      case 'SendMessage': {
        const queue = this.queueFromUrl(input.QueueUrl);
        if (!queue) return this.error(res, 'QueueDoesNotExist');
        const id = queue.send(
          String(input.MessageBody ?? ''),
          numberOr(input.DelaySeconds, 0),
        );
        return this.ok(res, { MessageId: id });
      }
      default:
        return this.error(res, 'InvalidAction', `Unsupported action ${action}`);
    }
  }
}

import { createHash, randomUUID } from 'node:crypto';

interface Message {
  id: string;
  body: string;
  sentAt: number;
  visibleAt: number;
  receiptHandle?: string;
}

/** One simulated SQS queue (Karpenter's interruption queue). */
export class Queue {
  private messages: Message[] = [];

  constructor(
    readonly name: string,
    readonly region: string,
    private readonly now: () => number,
  ) {}

  get arn() {
    return `arn:aws:sqs:${this.region}:000000000000:${this.name}`;
  }

  send(body: string, delaySeconds = 0): string {
    const id = randomUUID();
    const t = this.now();
    this.messages.push({
      id,
      body,
      sentAt: t,
      visibleAt: t + delaySeconds * 1000,
    });
    return id;
  }

  receive(max = 1, visibilityTimeoutSeconds = 30) {
    const t = this.now();
    const out = [];
    for (const m of this.messages) {
      if (out.length >= max) break;
      if (m.visibleAt <= t) {
        m.receiptHandle = randomUUID();
        m.visibleAt = t + visibilityTimeoutSeconds * 1000;
        out.push({
          MessageId: m.id,
          ReceiptHandle: m.receiptHandle,
          MD5OfBody: createHash('md5').update(m.body).digest('hex'),
          Body: m.body,
        });
      }
    }
    return out;
  }

  /**
   * Deletes the message received with this receipt handle. Without a handle: the messages not
   * received yet (what a DeleteMessage without `ReceiptHandle` has always done here).
   */
  delete(receiptHandle: string | undefined): boolean {
    const before = this.messages.length;
    this.messages = this.messages.filter(
      m => m.receiptHandle !== receiptHandle,
    );
    return this.messages.length < before;
  }

  attributes(): Record<string, string> {
    const t = this.now();
    let visible = 0;
    let notVisible = 0;
    let delayed = 0;
    for (const m of this.messages) {
      if (m.visibleAt <= t) visible++;
      else if (m.receiptHandle) notVisible++;
      else delayed++;
    }
    return {
      ApproximateNumberOfMessages: String(visible),
      ApproximateNumberOfMessagesNotVisible: String(notVisible),
      ApproximateNumberOfMessagesDelayed: String(delayed),
      QueueArn: this.arn,
      MessageRetentionPeriod: '300',
      VisibilityTimeout: '30',
      ReceiveMessageWaitTimeSeconds: '20',
      SqsManagedSseEnabled: 'true',
    };
  }
}

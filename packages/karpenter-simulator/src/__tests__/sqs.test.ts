import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { Simulator } from '../Simulator';

const credentials = { accessKeyId: 'simulator', secretAccessKey: 'simulator' };

describe('the simulated SQS endpoint with the real @aws-sdk/client-sqs', () => {
  let sim: Simulator;
  let sqs: SQSClient;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo' });
    await sim.start();
    sqs = new SQSClient({
      region: 'eu-west-1',
      endpoint: sim.sqsEndpoint,
      credentials,
      maxAttempts: 1,
    });
  });
  afterEach(async () => {
    sqs.destroy();
    await sim.stop();
  });

  const attributes = async (QueueUrl: string) =>
    (
      await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }),
      )
    ).Attributes!;

  it('answers GetQueueUrl and GetQueueAttributes, and the backlog grows while the consumer is paused', async () => {
    const { QueueUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: 'karpenter-demo' }),
    );
    expect(QueueUrl).toBe(sim.clusters[0].queueUrl);
    const before = await attributes(QueueUrl!);
    expect(before).toMatchObject({
      ApproximateNumberOfMessages: '0',
      QueueArn: 'arn:aws:sqs:eu-west-1:000000000000:karpenter-demo',
      MessageRetentionPeriod: '300',
    });

    sim.pauseConsumer('demo');
    sim.interrupt({ cluster: 'demo', nodePool: 'general', count: 3 });
    await sim.advance(5_000);
    expect((await attributes(QueueUrl!)).ApproximateNumberOfMessages).toBe('3');

    sim.resumeConsumer('demo');
    await sim.advance(2_000);
    expect((await attributes(QueueUrl!)).ApproximateNumberOfMessages).toBe('0');
    const external = sim.requests
      .filter(r => r.service === 'sqs' && !r.by)
      .map(r => r.action);
    expect(new Set(external)).toEqual(
      new Set(['GetQueueUrl', 'GetQueueAttributes']),
    );
    expect(
      sim.requests.some(
        r => r.by === 'consumer' && r.action === 'ReceiveMessage',
      ),
    ).toBe(true);
  });

  it.each([
    ['QueueDoesNotExist', 'QueueDoesNotExist'],
    ['AccessDenied', 'AccessDenied'],
    ['Throttling', 'RequestThrottled'],
  ] as const)(
    'returns %s errors on demand (SDK error name %s)',
    async (sqsError, name) => {
      sim.injectFault({ cluster: 'demo', sqsError, once: true });
      await expect(
        sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: sim.clusters[0].queueUrl,
            AttributeNames: ['All'],
          }),
        ),
      ).rejects.toMatchObject({ name });
      await expect(attributes(sim.clusters[0].queueUrl)).resolves.toBeDefined();
    },
  );

  it('answers QueueDoesNotExist for an unknown queue', async () => {
    await expect(
      sqs.send(new GetQueueUrlCommand({ QueueName: 'nope' })),
    ).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
  });
});

import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseInterruptionStore, migrateDatabase } from '../../database';
import { createTestDatabases } from '../../__testUtils__/databases';
import { DefaultQueueMonitor } from './DefaultQueueMonitor';
import { QueueTarget } from './types';

const databases = createTestDatabases();

/** An SQS client double that answers like SQS and records the commands it was sent. */
function fakeSqs(attributes: () => Record<string, string> | Error) {
  const sent: string[] = [];
  const client = {
    send: jest.fn(async (command: unknown) => {
      sent.push((command as object).constructor.name);
      if (command instanceof GetQueueUrlCommand) {
        if (command.input.QueueName !== 'karpenter-demo') {
          throw Object.assign(
            new Error('The specified queue does not exist.'),
            {
              name: 'QueueDoesNotExist',
            },
          );
        }
        return { QueueUrl: 'http://127.0.0.1:1/000000000000/karpenter-demo' };
      }
      if (command instanceof GetQueueAttributesCommand) {
        const answer = attributes();
        if (answer instanceof Error) {
          throw answer;
        }
        return { Attributes: answer };
      }
      throw new Error(`unexpected command ${sent[sent.length - 1]}`);
    }),
  };
  return { client: client as unknown as SQSClient, sent };
}

async function setup(
  targets: QueueTarget[],
  attributes: () => Record<string, string> | Error,
  clock: { now: number },
) {
  const knex: Knex = await databases.init('SQLITE_3');
  await migrateDatabase({ getClient: async () => knex });
  const store = new DatabaseInterruptionStore(knex);
  const sqs = fakeSqs(attributes);
  const logger = mockServices.logger.mock();
  const monitor = new DefaultQueueMonitor({
    targets,
    store,
    clientFor: async () => sqs.client,
    logger,
    backlogWindowMs: 120_000,
    now: () => clock.now,
  });
  return { monitor, sent: sqs.sent, logger };
}

const attrs = (visible: number, notVisible = 0, delayed = 0) => ({
  ApproximateNumberOfMessages: String(visible),
  ApproximateNumberOfMessagesNotVisible: String(notVisible),
  ApproximateNumberOfMessagesDelayed: String(delayed),
});

describe('DefaultQueueMonitor', () => {
  const start = Date.parse('2026-11-24T12:00:00Z');

  it('samples with GetQueueUrl once and GetQueueAttributes, nothing else', async () => {
    const clock = { now: start };
    const { monitor, sent } = await setup(
      [{ cluster: 'demo', queue: 'karpenter-demo', region: 'eu-west-1' }],
      () => attrs(3, 1, 0),
      clock,
    );
    expect(await monitor.sample('demo')).toEqual({
      ok: true,
      sample: {
        time: new Date(start).toISOString(),
        visible: 3,
        notVisible: 1,
        delayed: 0,
      },
    });
    clock.now += 30_000;
    await monitor.sample('demo');
    expect(sent).toEqual([
      'GetQueueUrlCommand',
      'GetQueueAttributesCommand',
      'GetQueueAttributesCommand',
    ]);
  });

  it('turns a backlog that outlives the window into falling-behind', async () => {
    const clock = { now: start };
    let backlog = 2;
    const { monitor } = await setup(
      [{ cluster: 'demo', queue: 'karpenter-demo' }],
      () => attrs(backlog),
      clock,
    );
    for (let i = 0; i < 4; i++) {
      if (i > 0) clock.now += 30_000;
      await monitor.sample('demo');
    }
    // backlog for 90 s: inside the 120 s window
    expect((await monitor.getStatus('demo')).state).toBe('ok');
    clock.now += 30_000;
    await monitor.sample('demo');
    const behind = await monitor.getStatus('demo', { samplesSinceMs: start });
    expect(behind.state).toBe('falling-behind');
    expect(behind.backlogSince).toBe(new Date(start).toISOString());
    expect(behind.samples).toHaveLength(5);
    backlog = 0;
    clock.now += 30_000;
    await monitor.sample('demo');
    expect((await monitor.getStatus('demo')).state).toBe('ok');
  });

  it.each([
    ['QueueDoesNotExist', 'QUEUE_NOT_FOUND'],
    ['AccessDenied', 'ACCESS_DENIED'],
    ['ThrottlingException', 'THROTTLED'],
  ])(
    'reports %s as a per-cluster %s error, with the AWS text in the log only',
    async (name, code) => {
      const clock = { now: start };
      const awsText = `${name}: User arn:aws:sts::123456789012:assumed-role/backstage/x is not authorized`;
      const { monitor, logger } = await setup(
        [
          {
            cluster: 'demo',
            queue:
              'https://sqs.eu-west-1.amazonaws.com/123456789012/karpenter-demo',
          },
        ],
        () => Object.assign(new Error(awsText), { name }),
        clock,
      );
      expect(await monitor.sample('demo')).toMatchObject({ ok: false, code });
      const status = await monitor.getStatus('demo');
      expect(status.state).toBe('error');
      expect(status.error?.code).toBe(code);
      const answer = JSON.stringify(status);
      expect(answer).not.toContain('123456789012');
      expect(answer).not.toContain('arn:aws');
      expect(status.queueName).toBe('karpenter-demo'); // the URL without its account id
      expect(logger.warn).toHaveBeenCalledWith(
        'Could not read the interruption queue',
        expect.objectContaining({ code, error: awsText }),
      );
    },
  );

  it('reports a missing queue name from GetQueueUrl', async () => {
    const { monitor } = await setup(
      [{ cluster: 'demo', queue: 'nope' }],
      () => attrs(0),
      { now: start },
    );
    expect(await monitor.sample('demo')).toMatchObject({
      ok: false,
      code: 'QUEUE_NOT_FOUND',
    });
  });

  it('answers not-configured for a cluster without a queue and 404 for unknown clusters', async () => {
    const { monitor } = await setup([{ cluster: 'demo' }], () => attrs(0), {
      now: start,
    });
    expect((await monitor.getStatus('demo')).state).toBe('not-configured');
    await expect(monitor.getStatus('nope')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});

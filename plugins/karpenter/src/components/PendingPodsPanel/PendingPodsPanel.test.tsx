import { configApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  PENDING_POD_HINTS,
  PendingPods,
} from '@karpenter-backstage/plugin-karpenter-common';
import { pendingPod, pendingPods } from '../../__testUtils__/fixtures';
import { PendingPodsPanel } from './PendingPodsPanel';

function render(
  value?: PendingPods,
  troubleshootingUrl?: string,
  routeEntries?: string[],
  stale?: boolean,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          configApiRef,
          mockApis.config({
            data: { karpenter: { frontend: { troubleshootingUrl } } },
          }),
        ],
      ]}
    >
      <PendingPodsPanel cluster="demo" pendingPods={value} stale={stale} />
    </TestApiProvider>,
    { routeEntries },
  );
}

const limited = pendingPod('checkout-7d9f-abcde', 'NODEPOOL_LIMIT', {
  minutes: 12,
  nodePool: 'general',
  karpenterMessage:
    'Failed to schedule pod, all available instance types exceed limits for nodepool (NodePool=general)',
});
const nominated = pendingPod('checkout-7d9f-fghij', 'NOMINATED', {
  minutes: 3,
  message: 'Karpenter is launching NodeClaim general-x7k2p for the pod',
  nodeClaim: 'general-x7k2p',
  nodeClaimState: 'launched',
});

describe('PendingPodsPanel', () => {
  it('lists each waiting pod: since when, why with its code, what to do', async () => {
    await render(pendingPods([limited, nominated]));
    const panel = screen.getByTestId('pending-pods-demo');
    expect(panel).toHaveAttribute('id', 'waiting-pods');
    expect(within(panel).getByText('Waiting pods')).toBeInTheDocument();
    const headers = within(panel)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual(['Pod', 'Waiting since', 'Why', 'What to do']);

    const row = screen.getByTestId('pending-pod-shop/checkout-7d9f-abcde');
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(/^shop\/checkout-7d9f-abcde$/);
    const since = within(cells[1]).getByText('12m');
    expect(since).toHaveAttribute('title', limited.pendingSince);
    expect(since).toHaveAttribute('dateTime', limited.pendingSince);
    expect(cells[2]).toHaveTextContent(
      'NodePool general reached its CPU limit (104/104 cores)',
    );
    expect(within(cells[2]).getByTestId('pending-pod-code')).toHaveTextContent(
      'NODEPOOL_LIMIT',
    );
    // Karpenter's own message, verbatim, folded under "Karpenter's message"
    const karpenter = within(cells[2]).getByTestId(
      'pending-pod-karpenter-message',
    );
    expect(karpenter).toHaveTextContent(
      /^Failed to schedule pod, all available instance types exceed limits for nodepool \(NodePool=general\)$/,
    );
    expect(karpenter.closest('details')).not.toHaveAttribute('open');
    expect(
      within(cells[2]).getByText("Karpenter's message"),
    ).toBeInTheDocument();
    expect(within(cells[2]).queryByTestId('pending-pod-nodeclaim')).toBeNull();
    expect(cells[3]).toHaveTextContent(PENDING_POD_HINTS.NODEPOOL_LIMIT);
    expect(
      within(cells[3]).getByRole('link', { name: 'Troubleshooting' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/karpenter-backstage/troubleshooting/#nodepool_limit',
    );

    const second = screen.getByTestId('pending-pod-shop/checkout-7d9f-fghij');
    expect(within(second).getByTestId('pending-pod-code')).toHaveTextContent(
      'NOMINATED',
    );
    expect(
      within(second).getByTestId('pending-pod-nodeclaim'),
    ).toHaveTextContent('NodeClaim general-x7k2p (launched)');
    expect(
      within(second).queryByTestId('pending-pod-karpenter-message'),
    ).toBeNull();
    expect(
      within(second).getByRole('link', { name: 'Troubleshooting' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/karpenter-backstage/troubleshooting/#nominated',
    );
    expect(screen.queryByTestId('pending-pods-shown')).toBeNull();
  });

  it('links to the configured troubleshooting page', async () => {
    await render(
      pendingPods([pendingPod('a', 'NO_RESOURCE_REQUESTS')]),
      'https://wiki.example.com/karpenter',
    );
    // an external link: Backstage's Link adds "opens in a new window" to its name
    expect(
      screen.getByRole('link', { name: /^Troubleshooting/ }),
    ).toHaveAttribute(
      'href',
      'https://wiki.example.com/karpenter#no_resource_requests',
    );
  });

  it('says how many of all waiting pods it shows', async () => {
    const items = Array.from({ length: 50 }, (_, i) =>
      pendingPod(`pod-${i}`, 'INCOMPATIBLE', { minutes: 100 - i }),
    );
    await render(pendingPods(items, 120));
    expect(screen.getAllByTestId(/^pending-pod-shop\//)).toHaveLength(50);
    expect(screen.getByTestId('pending-pods-shown')).toHaveTextContent(
      /^Showing 50 of 120 waiting pods$/,
    );
  });

  it('says so when no pod waits, so the check is seen to have run', async () => {
    await render(pendingPods([]));
    const panel = screen.getByTestId('pending-pods-demo');
    expect(panel).toHaveTextContent(
      'No pods of this entity are waiting for a node.',
    );
    expect(within(panel).queryByRole('table')).toBeNull();
  });

  it("says the pods are the last known when the cluster's data is stale", async () => {
    await render(pendingPods([pendingPod('a', 'NODEPOOL_LIMIT')]));
    expect(screen.queryByTestId('pending-pods-stale')).toBeNull();
    await render(
      pendingPods([pendingPod('b', 'NODEPOOL_LIMIT')]),
      undefined,
      undefined,
      true,
    );
    expect(screen.getByTestId('pending-pods-stale')).toHaveTextContent(
      "Last known state: the cluster's data is stale",
    );
  });

  it('scrolls into view when the page is opened with its hash (the card links so)', async () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    try {
      await render(pendingPods([]), undefined, ['/karpenter#waiting-pods']);
      expect(scrollIntoView).toHaveBeenCalledTimes(1);
      expect(scrollIntoView.mock.contexts[0]).toBe(
        screen.getByTestId('pending-pods-demo'),
      );
      scrollIntoView.mockClear();
      await render(pendingPods([]), undefined, ['/karpenter']);
      expect(scrollIntoView).not.toHaveBeenCalled();
    } finally {
      // jsdom has none
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it('renders nothing when the backend did not check', async () => {
    await render(undefined);
    expect(screen.queryByTestId('pending-pods-demo')).toBeNull();
    expect(document.getElementById('waiting-pods')).toBeNull();
  });
});

import { fireEvent, render, screen, within } from '@testing-library/react';
import { nodePool } from '../../__testUtils__/fixtures';
import { NodePoolsTable } from './NodePoolsTable';

const pools = Array.from({ length: 60 }, (_, i) =>
  nodePool(`pool-${String(i).padStart(3, '0')}`),
);

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'NodePools' }))
    .getAllByRole('row')
    .slice(1);

describe('NodePoolsTable paging', () => {
  it('renders one page of 25 NodePools at a time', () => {
    render(<NodePoolsTable pools={pools} />);
    expect(bodyRows()).toHaveLength(25);
    expect(screen.getByText('1-25 of 60')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('26-50 of 60')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(bodyRows()).toHaveLength(10);
    expect(screen.getByText('pool-059')).toBeInTheDocument();
  });

  it('shows no pager when every NodePool fits on one page', () => {
    render(<NodePoolsTable pools={pools.slice(0, 4)} />);
    expect(bodyRows()).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull();
  });
});

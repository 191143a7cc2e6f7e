import { render, screen } from '@testing-library/react';
import { RefreshFailed } from './RefreshFailed';

describe('RefreshFailed', () => {
  it('says the refresh failed and that the last answer stays', () => {
    render(<RefreshFailed error={new Error('503 TIMEOUT')} testId="note" />);
    expect(screen.getByTestId('note')).toHaveTextContent(
      'Refresh failed: 503 TIMEOUT (showing the last answer)',
    );
  });

  it('renders nothing without an error', () => {
    const { container } = render(<RefreshFailed />);
    expect(container).toBeEmptyDOMElement();
  });
});

import Box from '@material-ui/core/Box';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { ReactNode } from 'react';

/**
 * The toolbar of a time-series panel: a toggle between time windows (`24h`, `7d`, …) followed by
 * the panel's own summary (`children`).
 *
 * @internal
 */
export function WindowToggle<W extends string>(props: {
  windows: readonly W[];
  value: W;
  onChange: (window: W) => void;
  /** The toggle group's accessible name. */
  label: string;
  children?: ReactNode;
}) {
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 16 }}
      mb={1}
    >
      <ToggleButtonGroup
        size="small"
        exclusive
        value={props.value}
        onChange={(_e, w: W | null) => w && props.onChange(w)}
        aria-label={props.label}
      >
        {props.windows.map(w => (
          <ToggleButton key={w} value={w} aria-label={w}>
            {w}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {props.children}
    </Box>
  );
}

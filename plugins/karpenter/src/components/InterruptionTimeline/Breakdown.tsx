import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';

/** A small table of counts, largest first. @internal */
export function Breakdown(props: {
  title: string;
  unit: string;
  counts: Record<string, number>;
}) {
  const rows = Object.entries(props.counts).sort((a, b) => b[1] - a[1]);
  return (
    <Table size="small" aria-label={props.title}>
      <TableHead>
        <TableRow>
          <TableCell>{props.title}</TableCell>
          <TableCell align="right">{props.unit}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([k, n]) => (
          <TableRow key={k}>
            <TableCell>{k}</TableCell>
            <TableCell align="right">{n}</TableCell>
          </TableRow>
        ))}
        {rows.length === 0 && (
          <TableRow>
            <TableCell colSpan={2}>—</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

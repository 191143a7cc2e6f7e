/* The latency-vs-size chart of docs/benchmarks.md: an SVG (log scale), rendered to PNG in Chromium. */
import { launchBrowser } from '@karpenter-backstage/e2e-tests';
import type { SizeResult } from './runSize';

interface Series {
  label: string;
  color: string;
  values: number[];
}

const W = 760;
const H = 420;
const PAD = { left: 70, right: 190, top: 40, bottom: 50 };

function seriesOf(results: SizeResult[]): Series[] {
  return [
    {
      label: 'Peer (kubernetes-backend) p95',
      color: '#d32f2f',
      values: results.map(r => r.peer.p95),
    },
    {
      label: 'Floor (client-node list)',
      color: '#757575',
      values: results.map(r => r.floorMs),
    },
    {
      label: 'Ours cold',
      color: '#f9a825',
      values: results.map(r => r.coldMs),
    },
    {
      label: 'Ours warm p95',
      color: '#1976d2',
      values: results.map(r => r.warm.p95),
    },
  ];
}

/** The chart as an SVG document. */
export function renderChartSvg(results: SizeResult[]): string {
  const series = seriesOf(results);
  const all = series.flatMap(s => s.values).filter(v => v > 0);
  const lo = Math.floor(Math.log10(Math.min(...all, 1)));
  const hi = Math.ceil(Math.log10(Math.max(...all, 10)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left +
    (results.length === 1 ? plotW / 2 : (i * plotW) / (results.length - 1));
  const y = (v: number) =>
    PAD.top +
    plotH -
    ((Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo)) * plotH;
  const parts: string[] = [];
  for (let e = lo; e <= hi; e++) {
    parts.push(
      `<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${y(
        10 ** e,
      )}" y2="${y(10 ** e)}" stroke="#e0e0e0"/>`,
      `<text x="${PAD.left - 8}" y="${
        y(10 ** e) + 4
      }" text-anchor="end" font-size="12">${10 ** e} ms</text>`,
    );
  }
  results.forEach((r, i) =>
    parts.push(
      `<text x="${x(i)}" y="${
        H - PAD.bottom + 20
      }" text-anchor="middle" font-size="12">${r.size.name} (${
        r.objects.nodeClaims
      } NodeClaims)</text>`,
    ),
  );
  series.forEach((s, k) => {
    const points = s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2.5"/>`,
      ...s.values.map(
        (v, i) => `<circle cx="${x(i)}" cy="${y(v)}" r="4" fill="${s.color}"/>`,
      ),
      `<rect x="${W - PAD.right + 16}" y="${
        PAD.top + k * 24
      }" width="14" height="14" fill="${s.color}"/>`,
      `<text x="${W - PAD.right + 36}" y="${
        PAD.top + k * 24 + 12
      }" font-size="12">${s.label}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif">
<rect width="${W}" height="${H}" fill="white"/>
<text x="${
    PAD.left
  }" y="24" font-size="15" font-weight="bold">Entity summary latency vs cluster size (log scale)</text>
${parts.join('\n')}
</svg>
`;
}

/** Renders the chart to a PNG file with Chromium. */
export async function writeChartPng(
  results: SizeResult[],
  file: string,
): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: W, height: H } });
    await page.setContent(renderChartSvg(results));
    await page.locator('svg').screenshot({ path: file });
  } finally {
    await browser.close();
  }
}

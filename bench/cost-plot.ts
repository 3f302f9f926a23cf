/**
 * The cost plot of `npm run cost` as a self-contained SVG: article size on a log axis, dollars per million
 * articles on the left log axis, process milliseconds per article on the right log axis.
 */

export interface CostPoint {
  readonly bytes: number;
  readonly dollarsPerMillion: number;
  readonly processMs: number;
}

const WIDTH = 760;
const HEIGHT = 420;
const MARGIN = { top: 56, right: 84, bottom: 56, left: 84 };
const COST_COLOUR = '#1f5fa8';
const TIME_COLOUR = '#b3541e';

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A log10 scale onto [from, to] covering whole decades around the values. */
function logScale(values: readonly number[], from: number, to: number) {
  const low = Math.floor(Math.log10(Math.min(...values)));
  const high = Math.ceil(Math.log10(Math.max(...values)));
  const span = Math.max(1, high - low);
  return {
    at: (value: number) => Math.round((from + ((Math.log10(value) - low) / span) * (to - from)) * 10) / 10,
    decades: Array.from({ length: span + 1 }, (_, index) => 10 ** (low + index)),
  };
}

const sizeLabel = (bytes: number) =>
  bytes >= 1e6 ? `${bytes / 1e6} MB` : bytes >= 1e3 ? `${bytes / 1e3} KB` : `${bytes} B`;
const numberLabel = (value: number) => (value >= 1 ? value.toLocaleString('en') : String(value));

export function drawCostPlot(points: readonly CostPoint[], text: { title: string; note: string }): string {
  const left = MARGIN.left;
  const right = WIDTH - MARGIN.right;
  const top = MARGIN.top;
  const bottom = HEIGHT - MARGIN.bottom;
  const x = logScale(
    points.map((p) => p.bytes),
    left,
    right,
  );
  const cost = logScale(
    points.map((p) => p.dollarsPerMillion),
    bottom,
    top,
  );
  const time = logScale(
    points.map((p) => p.processMs),
    bottom,
    top,
  );
  const line = (y: (p: CostPoint) => number) =>
    points
      .map((p, index) => `${index === 0 ? 'M' : 'L'}${x.at(p.bytes).toFixed(1)},${y(p).toFixed(1)}`)
      .join(' ');
  const dots = (y: (p: CostPoint) => number, colour: string) =>
    points
      .map((p) => `<circle cx="${x.at(p.bytes).toFixed(1)}" cy="${y(p).toFixed(1)}" r="3" fill="${colour}"/>`)
      .join('');
  const xTicks = x.decades
    .map(
      (value) =>
        `<line x1="${x.at(value)}" y1="${top}" x2="${x.at(value)}" y2="${bottom}" stroke="#ddd"/>` +
        `<text x="${x.at(value)}" y="${bottom + 18}" text-anchor="middle">${sizeLabel(value)}</text>`,
    )
    .join('');
  const yTicks = (scale: ReturnType<typeof logScale>, side: 'left' | 'right', colour: string) =>
    scale.decades
      .map((value) => {
        const y = scale.at(value);
        const tx = side === 'left' ? left - 8 : right + 8;
        const anchor = side === 'left' ? 'end' : 'start';
        return (
          (side === 'left' ? `<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="#eee"/>` : '') +
          `<text x="${tx}" y="${y + 4}" text-anchor="${anchor}" fill="${colour}">${numberLabel(value)}</text>`
        );
      })
      .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12" role="img" aria-labelledby="title">
<title id="title">${escapeXml(text.title)}</title>
<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>
<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(text.title)}</text>
<text x="${WIDTH / 2}" y="40" text-anchor="middle" fill="#555">${escapeXml(text.note)}</text>
${xTicks}
${yTicks(cost, 'left', COST_COLOUR)}
${yTicks(time, 'right', TIME_COLOUR)}
<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="#888"/>
<path d="${line((p) => cost.at(p.dollarsPerMillion))}" fill="none" stroke="${COST_COLOUR}" stroke-width="2"/>
${dots((p) => cost.at(p.dollarsPerMillion), COST_COLOUR)}
<path d="${line((p) => time.at(p.processMs))}" fill="none" stroke="${TIME_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>
${dots((p) => time.at(p.processMs), TIME_COLOUR)}
<text x="${(left + right) / 2}" y="${HEIGHT - 14}" text-anchor="middle">article size</text>
<text transform="translate(22 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle" fill="${COST_COLOUR}">$ per million articles (solid)</text>
<text transform="translate(${WIDTH - 18} ${(top + bottom) / 2}) rotate(90)" text-anchor="middle" fill="${TIME_COLOUR}">process ms per article (dashed)</text>
</svg>
`;
}

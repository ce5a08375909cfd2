/**
 * A small bar chart drawn in SVG attributes (the CSP refuses inline styles), in a <figure> whose
 * caption names it, with the same figures as a table in a <details>: a screen-reader or keyboard
 * user gets the numbers, not a picture of them. Vertical bars for a series in time, horizontal ones
 * for categories with longer names.
 */
export type Bar = { label: string; value: number; /** Shorter label under a vertical bar (a date). */ tick?: string };

const WIDTH = 640;

function VerticalBars({ bars, max }: { bars: Bar[]; max: number }) {
  const height = 200;
  const top = 16;
  const bottom = 28;
  const slot = WIDTH / bars.length;
  const every = bars.length > 15 ? 5 : 1;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" height={height} aria-hidden="true" className="text-brand" focusable="false">
      <line x1={0} x2={WIDTH} y1={height - bottom} y2={height - bottom} stroke="currentColor" strokeWidth={1} className="text-slate-400" />
      {bars.map((bar, index) => {
        const barHeight = max === 0 ? 0 : ((height - top - bottom) * bar.value) / max;
        const x = index * slot + slot * 0.15;
        return (
          <g key={bar.label}>
            <rect x={x} y={height - bottom - barHeight} width={slot * 0.7} height={barHeight} fill="currentColor">
              <title>{`${bar.label} : ${bar.value}`}</title>
            </rect>
            {bars.length <= 15 && (
              <text x={x + slot * 0.35} y={height - bottom - barHeight - 4} textAnchor="middle" fontSize={11} fill="#161616">
                {bar.value}
              </text>
            )}
            {index % every === every - 1 || every === 1 ? (
              <text x={x + slot * 0.35} y={height - 8} textAnchor="middle" fontSize={11} fill="#3a3a3a">
                {bar.tick ?? bar.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

function HorizontalBars({ bars, max }: { bars: Bar[]; max: number }) {
  const row = 28;
  const labelWidth = 220;
  const valueWidth = 60;
  const height = bars.length * row + 4;
  const span = WIDTH - labelWidth - valueWidth;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" height={height} aria-hidden="true" className="text-brand" focusable="false">
      {bars.map((bar, index) => {
        const y = index * row + 4;
        const barWidth = max === 0 ? 0 : (span * bar.value) / max;
        return (
          <g key={bar.label}>
            <text x={labelWidth - 8} y={y + row / 2 + 2} textAnchor="end" fontSize={12} fill="#161616">
              {bar.label.length > 32 ? `${bar.label.slice(0, 31)}…` : bar.label}
            </text>
            <rect x={labelWidth} y={y + 4} width={barWidth} height={row - 10} fill="currentColor" />
            <text x={labelWidth + barWidth + 6} y={y + row / 2 + 2} fontSize={12} fill="#161616">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function BarChart({
  id,
  caption,
  bars,
  orientation,
  labelHeader,
  valueHeader,
  tableSummary,
}: {
  id: string;
  caption: string;
  bars: Bar[];
  orientation: "vertical" | "horizontal";
  labelHeader: string;
  valueHeader: string;
  tableSummary: string;
}) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <figure aria-labelledby={`${id}-caption`} className="space-y-2" data-testid={id}>
      <figcaption id={`${id}-caption`} className="font-medium">
        {caption}
      </figcaption>
      {orientation === "vertical" ? <VerticalBars bars={bars} max={max} /> : <HorizontalBars bars={bars} max={max} />}
      <details>
        <summary className="cursor-pointer text-brand underline">{tableSummary}</summary>
        <table className="mt-2 border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-6">
                {labelHeader}
              </th>
              <th scope="col" className="py-1 text-right">
                {valueHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-6 font-normal">
                  {bar.label}
                </th>
                <td className="py-1 text-right tabular-nums">{bar.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

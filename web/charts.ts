/** Small charts drawn as inline SVG: a stacked bar per day and horizontal bars; each with its figures as a table. */
import type { Verdict } from '../src/engine/report.js';
import { h, s } from './dom.js';
import { t, VERDICTS, verdictShort } from './i18n.js';

/** Verdict colours, each ≥ 4.5:1 against white so the legend text in that colour stays readable. */
export const VERDICT_COLOUR: Record<Verdict, string> = {
  phishing: '#b3261e',
  scam: '#6a1b9a',
  suspicious: '#8a5300',
  spam: '#4d5156',
  'no-threat-found': '#1b6e2d',
};

/** Drawing width in user units ≈ CSS pixels, so labels keep their size on a phone. */
export function chartWidth(): number {
  return Math.round(Math.max(300, Math.min(640, window.innerWidth - 60)));
}

export function figureOf(title: string, svg: SVGElement, table: HTMLTableElement, id: string): HTMLElement {
  return h(
    'figure',
    { class: 'chart', id },
    h('figcaption', {}, title),
    svg,
    h('details', {}, h('summary', {}, t('chartTable')), table),
  );
}

/** Days from `from` to `to` inclusive, as YYYY-MM-DD (UTC). */
/** The value axis: grid lines and labels at 0, half and the maximum. */
export function valueAxis(
  svg: SVGElement,
  max: number,
  label: (v: number) => string,
  at: { left: number; top: number; plotH: number; W: number },
): void {
  for (const v of [0, Math.round(max / 2), max]) {
    const y = at.top + at.plotH - (v / max) * at.plotH;
    svg.append(s('line', { x1: at.left, x2: at.W - 4, y1: y, y2: y, class: 'grid' }));
    svg.append(s('text', { x: at.left - 4, y: y + 4, 'text-anchor': 'end', class: 'axis' }, label(v)));
  }
}

/** A day's label (MM-DD) under its bar: the first starts at the axis, the last ends at its bar's right edge. */
export function dayLabel(
  day: string,
  i: number,
  days: number,
  at: { left: number; bw: number; H: number },
): SVGElement {
  const last = i === days - 1;
  const anchor = i === 0 ? 'start' : last ? 'end' : 'middle';
  const x = i === 0 ? at.left : last ? at.left + (i + 1) * at.bw : at.left + i * at.bw + at.bw / 2;
  return s('text', { x, y: at.H - 6, 'text-anchor': anchor, class: 'axis' }, day.slice(5));
}

export function dayRange(to: Date, days: number): string[] {
  const out: string[] = [];
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  for (let i = days - 1; i >= 0; i--) out.push(new Date(end - i * 86400000).toISOString().slice(0, 10));
  return out;
}

export function byDayChart(
  rows: { day: string; verdict: Verdict; count: number }[],
  days: number,
): HTMLElement {
  const range = dayRange(new Date(), days);
  const totals = new Map<string, Map<Verdict, number>>();
  for (const d of range) totals.set(d, new Map());
  for (const r of rows) {
    const day = r.day.slice(0, 10);
    const m = totals.get(day) ?? new Map<Verdict, number>();
    m.set(r.verdict, (m.get(r.verdict) ?? 0) + r.count);
    totals.set(day, m);
  }
  const allDays = [...totals.keys()].sort();
  const max = Math.max(
    1,
    ...allDays.map((d) => [...(totals.get(d)?.values() ?? [])].reduce((a, b) => a + b, 0)),
  );
  const W = chartWidth();
  const H = 220;
  const left = 36;
  const bottom = 24;
  const top = 8;
  const plotH = H - bottom - top;
  const bw = (W - left - 8) / allDays.length;
  const title = t('chartByDay');
  const svg = s(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'c1t', class: 'chart-svg' },
    s('title', { id: 'c1t' }, title),
  );
  valueAxis(svg, max, String, { left, top, plotH, W });
  allDays.forEach((d, i) => {
    let y = top + plotH;
    const m = totals.get(d) ?? new Map<Verdict, number>();
    for (const v of VERDICTS) {
      const c = m.get(v) ?? 0;
      if (!c) continue;
      const hgt = (c / max) * plotH;
      y -= hgt;
      svg.append(
        s(
          'rect',
          { x: left + i * bw + 1, y, width: Math.max(1, bw - 2), height: hgt, fill: VERDICT_COLOUR[v] },
          s('title', {}, `${d} ${verdictShort(v)}: ${c}`),
        ),
      );
    }
    const every = W < 500 ? 14 : 7;
    if (i === 0 || i === allDays.length - 1 || (i % every === 0 && allDays.length - 1 - i >= every / 2))
      svg.append(dayLabel(d, i, allDays.length, { left, bw, H }));
  });
  const legend = h(
    'ul',
    { class: 'legend' },
    VERDICTS.map((v) =>
      h('li', {}, h('span', { class: `swatch sw-${v}`, 'aria-hidden': 'true' }), verdictShort(v)),
    ),
  );
  const table = h(
    'table',
    { class: 'data' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('day')),
        VERDICTS.map((v) => h('th', { scope: 'col' }, verdictShort(v))),
      ),
    ),
    h(
      'tbody',
      {},
      allDays
        .filter((d) => (totals.get(d)?.size ?? 0) > 0)
        .map((d) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, d),
            VERDICTS.map((v) => h('td', {}, String(totals.get(d)?.get(v) ?? 0))),
          ),
        ),
    ),
  );
  const fig = figureOf(title, svg, table, 'chart-days');
  fig.insertBefore(legend, fig.querySelector('details'));
  return fig;
}

export function barChart(id: string, title: string, rows: { label: string; count: number }[]): HTMLElement {
  const top = rows.slice(0, 10);
  const W = chartWidth();
  const rowH = 26;
  const labelW = W < 500 ? 130 : 200;
  const H = Math.max(1, top.length) * rowH + 8;
  const max = Math.max(1, ...top.map((r) => r.count));
  const svg = s(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-t`, class: 'chart-svg' },
    s('title', { id: `${id}-t` }, title),
  );
  if (top.length === 0) svg.append(s('text', { x: 8, y: 20, class: 'axis' }, t('chartEmpty')));
  top.forEach((r, i) => {
    const y = 4 + i * rowH;
    const w = ((W - labelW - 50) * r.count) / max;
    svg.append(
      s(
        'text',
        { x: labelW - 8, y: y + 17, 'text-anchor': 'end', class: 'label' },
        r.label.length > labelW / 7 ? `${r.label.slice(0, Math.floor(labelW / 7) - 1)}…` : r.label,
      ),
    );
    svg.append(
      s(
        'rect',
        { x: labelW, y: y + 3, width: Math.max(2, w), height: rowH - 8, class: 'bar' },
        s('title', {}, `${r.label}: ${r.count}`),
      ),
    );
    svg.append(s('text', { x: labelW + w + 6, y: y + 17, class: 'value' }, String(r.count)));
  });
  const table = h(
    'table',
    { class: 'data' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, title), h('th', { scope: 'col' }, t('count')))),
    h(
      'tbody',
      {},
      rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', {}, String(r.count)))),
    ),
  );
  return figureOf(title, svg, table, id);
}

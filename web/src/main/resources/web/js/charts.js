// Small SVG charts for the studio: a line chart (one or more series) and a bar chart. Every data point is an
// element of its own (a circle or a rect with data-x and data-y), and every chart carries an aria-label and sits
// beside a table with the same numbers, which is what screen readers and the CSV export use.

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

function svgElement(name, attributes = {}) {
  const el = document.createElementNS(NS, name);
  Object.entries(attributes).forEach(([key, value]) => el.setAttribute(key, String(value)));
  return el;
}

function frame(label) {
  const svg = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'chart', 'aria-label': label });
  return svg;
}

function axis(svg, maxY, formatY, xLabels) {
  const bottom = HEIGHT - PAD.bottom;
  svg.append(svgElement('line', { x1: PAD.left, y1: bottom, x2: WIDTH - PAD.right, y2: bottom, class: 'chart-axis' }));
  svg.append(svgElement('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: bottom, class: 'chart-axis' }));
  [0, maxY / 2, maxY].forEach((value) => {
    const y = scaleY(value, maxY);
    const text = svgElement('text', { x: PAD.left - 6, y: y + 4, 'text-anchor': 'end', class: 'chart-label' });
    text.textContent = formatY(value);
    svg.append(text);
  });
  xLabels.forEach(({ at, text: label }) => {
    const text = svgElement('text', { x: at, y: HEIGHT - 8, 'text-anchor': 'middle', class: 'chart-label' });
    text.textContent = label;
    svg.append(text);
  });
}

function scaleY(value, maxY) {
  const bottom = HEIGHT - PAD.bottom;
  return maxY <= 0 ? bottom : bottom - (value / maxY) * (bottom - PAD.top);
}

function scaleX(index, count) {
  const span = WIDTH - PAD.left - PAD.right;
  return count <= 1 ? PAD.left + span / 2 : PAD.left + (index / (count - 1)) * span;
}

/**
 * A line chart. series: [{ name, values, className }], all of one length; formatY turns a value into text;
 * formatX an index. Returns the SVG element.
 */
export function lineChart(label, series, { maxY, formatY = String, formatX = String } = {}) {
  const svg = frame(label);
  const count = Math.max(...series.map((s) => s.values.length), 0);
  const top = maxY ?? Math.max(1e-9, ...series.flatMap((s) => s.values));
  const ticks = count > 1 ? [0, Math.floor((count - 1) / 2), count - 1] : [0];
  axis(svg, top, formatY, ticks.map((i) => ({ at: scaleX(i, count), text: formatX(i) })));
  series.forEach((s) => {
    const group = svgElement('g', { class: `chart-series ${s.className || ''}`, 'data-series': s.name });
    const points = s.values.map((v, i) => `${scaleX(i, count).toFixed(1)},${scaleY(v, top).toFixed(1)}`);
    if (points.length > 1) group.append(svgElement('polyline', { points: points.join(' '), class: 'chart-line' }));
    s.values.forEach((v, i) => {
      const dot = svgElement('circle', {
        cx: scaleX(i, count).toFixed(1), cy: scaleY(v, top).toFixed(1), r: count > 120 ? 0.8 : 2,
        class: 'chart-point', 'data-x': i, 'data-y': v,
      });
      const title = svgElement('title');
      title.textContent = `${formatX(i)}: ${formatY(v)}`;
      dot.append(title);
      group.append(dot);
    });
    svg.append(group);
  });
  return svg;
}

/** A bar chart of [{ label, value }]. */
export function barChart(label, bars, { formatY = String } = {}) {
  const svg = frame(label);
  const top = Math.max(1, ...bars.map((b) => b.value));
  const span = WIDTH - PAD.left - PAD.right;
  const width = bars.length ? span / bars.length : span;
  axis(svg, top, formatY, bars.map((b, i) => ({ at: PAD.left + width * (i + 0.5), text: b.label })));
  bars.forEach((b, i) => {
    const y = scaleY(b.value, top);
    const rect = svgElement('rect', {
      x: (PAD.left + width * i + width * 0.15).toFixed(1), y: y.toFixed(1), width: (width * 0.7).toFixed(1),
      height: (HEIGHT - PAD.bottom - y).toFixed(1), class: 'chart-bar', 'data-x': b.label, 'data-y': b.value,
    });
    const title = svgElement('title');
    title.textContent = `${b.label}: ${formatY(b.value)}`;
    rect.append(title);
    svg.append(rect);
  });
  return svg;
}

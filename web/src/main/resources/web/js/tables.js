// Data tables of the studio, each with a CSV export of exactly the rows and columns it shows.
import { t } from './i18n.js';

/** A cell as CSV: quoted when it holds a comma, a quote or a line break. */
function csvCell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV of a table: a header of the columns' titles, then one line per row. */
export function toCsv(columns, rows) {
  const lines = [columns.map((c) => csvCell(c.title)).join(',')];
  rows.forEach((row) => lines.push(columns.map((c) => csvCell(c.value(row))).join(',')));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A captioned table with a "Download CSV" button, both built from the same columns ({ title, value(row),
 * show(row)? }) and rows, so the file holds what the table shows. show formats a cell for display only; value is
 * what the file gets. A caption that repeats the heading above the table is read out but not shown (hideCaption).
 */
export function dataTable(caption, name, columns, rows, { hideCaption = false } = {}) {
  const wrap = document.createElement('div');
  wrap.className = 'data-table';
  const table = document.createElement('table');
  table.dataset.table = name;
  const cap = document.createElement('caption');
  cap.textContent = caption;
  if (hideCaption) cap.className = 'visually-hidden';
  table.append(cap);
  const head = table.createTHead().insertRow();
  columns.forEach((c) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c.title;
    head.append(th);
  });
  const body = table.createTBody();
  rows.forEach((row) => {
    const tr = body.insertRow();
    columns.forEach((c) => {
      const cell = tr.insertCell();
      const shown = c.show ? c.show(row) : c.value(row);
      if (shown instanceof Node) cell.append(shown);
      else cell.textContent = shown ?? '';
    });
  });
  if (!rows.length) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = columns.length;
    cell.className = 'empty';
    cell.textContent = t('stats.none');
  }
  const download = document.createElement('a');
  download.className = 'button csv';
  download.textContent = t('stats.csv');
  download.download = `${name}.csv`;
  download.dataset.csv = name;
  download.href = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }));
  wrap.append(table, download);
  return wrap;
}

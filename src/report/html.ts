/**
 * report.html: one self-contained page (its CSS, script and figures inline,
 * nothing loaded from the network; a Content-Security-Policy with the hashes
 * of its own style and script forbids anything else), which works from
 * `file://`.
 *
 * At the top: the run's scope and settings, the counts overall, by paper and
 * by kind, the unexpected results (first, each with its replay command), and
 * the paper findings (entries whose refutation is an erratum of the paper),
 * each linked to its entry and to the entry checking the corrected statement.
 * Below: filters (paper, kind, expected, outcome, unexpected only) and a text
 * search over every entry, then the entries, unexpected ones first, each with
 * its citation, hypotheses, conclusion, metrics, evidence, notes, tables,
 * figures, the replay command with a copy button, and its counterexample as
 * readable tables (vectors, matrices, records, nested objects) with the raw
 * JSON one click away.
 *
 * Every string from a result is escaped (`escapeHtml`); figures are embedded
 * as `data:` images, in which an SVG's scripts cannot run.
 */
import { createHash } from 'node:crypto';
import { bibliographyLink } from '../catalogue/bibliography.ts';
import type { Comparison, Counterexample, Table } from '../catalogue/types.ts';
import {
  keyMetrics,
  paperOf,
  replayCommandFor,
  scopeLine,
  type Counts,
  type Report,
  type ReportBundle,
  type ReportedResult,
} from './report.ts';
import { formatValue } from '../core/format.ts';

/** Text or an attribute value made safe for HTML; control characters are shown as `\xNN`. */
export function escapeHtml(s: unknown): string {
  return (
    String(s ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
  );
}

const MAX_ROWS = 200;
const MAX_COLS = 64;
const MAX_DEPTH = 7;
const MAX_RAW_JSON = 40_000;

const isScalar = (v: unknown): boolean => v === null || ['number', 'string', 'boolean'].includes(typeof v);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function scalarHtml(v: unknown): string {
  if (v === null || v === undefined) return '<span class="null">null</span>';
  if (typeof v === 'number') return `<span class="num">${escapeHtml(formatValue(v))}</span>`;
  if (typeof v === 'boolean') return `<span class="bool">${v}</span>`;
  return escapeHtml(v);
}

function more(n: number, what: string): string {
  return n > 0 ? `<p class="more">… ${n} more ${what} (all of them are in report.json)</p>` : '';
}

/**
 * Plain JSON as readable HTML: a vector as one row with its indices, a matrix
 * (rows of equal length) as a grid, a list of records with shared keys as a
 * table, an object as a key/value table, deeper arrays as a list of their
 * slices. Large arrays are cut (the JSON view and report.json keep all).
 */
export function valueHtml(v: unknown, depth = 0): string {
  if (isScalar(v) || v === undefined) return scalarHtml(v);
  if (depth > MAX_DEPTH) return `<code>${escapeHtml(JSON.stringify(v).slice(0, 400))}</code>`;
  if (Array.isArray(v)) {
    if (v.length === 0) return '<span class="null">[ ]</span>';
    if (v.every(isScalar)) {
      if (v.length <= 8 && v.every((x) => typeof x !== 'string' || x.length < 24))
        return `<span class="vec">[${v.map(scalarHtml).join(', ')}]</span>`;
      const shown = v.slice(0, MAX_COLS);
      return `<table class="grid vec"><tr><th class="ix">#</th>${shown.map((_, j) => `<th class="ix">${j}</th>`).join('')}</tr><tr><th class="ix"></th>${shown.map((x) => `<td>${scalarHtml(x)}</td>`).join('')}</tr></table>${more(v.length - shown.length, 'entries')}`;
    }
    if (v.every((row) => Array.isArray(row) && row.every(isScalar)) && new Set(v.map((row) => (row as unknown[]).length)).size === 1) {
      const rows = (v as unknown[][]).slice(0, MAX_ROWS);
      const width = Math.min((v[0] as unknown[]).length, MAX_COLS);
      const head = `<tr><th class="ix"></th>${Array.from({ length: width }, (_, j) => `<th class="ix">${j}</th>`).join('')}</tr>`;
      const body = rows
        .map(
          (row, i) =>
            `<tr><th class="ix">${i}</th>${row
              .slice(0, width)
              .map((x) => `<td>${scalarHtml(x)}</td>`)
              .join('')}</tr>`,
        )
        .join('');
      return `<table class="grid matrix">${head}${body}</table>${more(v.length - rows.length, 'rows')}${more((v[0] as unknown[]).length - width, 'columns')}`;
    }
    if (v.every(isPlainObject)) {
      const keys = [...new Set(v.flatMap((o) => Object.keys(o as object)))];
      if (keys.length <= 12) {
        const rows = v.slice(0, MAX_ROWS);
        return `<table class="grid records"><tr><th class="ix">#</th>${keys.map((k) => `<th>${escapeHtml(k)}</th>`).join('')}</tr>${rows
          .map(
            (o, i) =>
              `<tr><th class="ix">${i}</th>${keys.map((k) => `<td>${k in o ? valueHtml(o[k], depth + 1) : ''}</td>`).join('')}</tr>`,
          )
          .join('')}</table>${more(v.length - rows.length, 'rows')}`;
      }
    }
    // deeper arrays: their slices side by side, each labelled by its index path
    const slices: string[] = [];
    const visit = (x: unknown, path: string, d: number) => {
      if (slices.length >= MAX_ROWS) return;
      const isMatrixOrScalar =
        !Array.isArray(x) ||
        x.every(isScalar) ||
        (x.every((row) => Array.isArray(row) && row.every(isScalar)) && new Set(x.map((row) => (row as unknown[]).length)).size === 1);
      if (isMatrixOrScalar || d > 3)
        slices.push(`<div class="slice"><div class="path">${escapeHtml(path)}</div>${valueHtml(x, depth + 1)}</div>`);
      else (x as unknown[]).forEach((y, i) => visit(y, `${path}[${i}]`, d + 1));
    };
    v.forEach((x, i) => visit(x, `[${i}]`, 0));
    return `<div class="slices">${slices.join('')}</div>${more(v.length > MAX_ROWS ? v.length - MAX_ROWS : 0, 'entries')}`;
  }
  if (isPlainObject(v)) {
    const entries = Object.entries(v);
    if (entries.length === 0) return '<span class="null">{ }</span>';
    return `<table class="kv">${entries
      .slice(0, MAX_ROWS)
      .map(([k, x]) => `<tr><th>${escapeHtml(k)}</th><td>${valueHtml(x, depth + 1)}</td></tr>`)
      .join('')}</table>${more(entries.length - MAX_ROWS, 'fields')}`;
  }
  return escapeHtml(String(v));
}

function tableHtml(t: Table): string {
  const rows = t.rows.slice(0, MAX_ROWS);
  return `<table class="grid result"><caption>${escapeHtml(t.title)}</caption><tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${scalarHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</table>${more(t.rows.length - rows.length, 'rows')}`;
}

function comparisonsHtml(cs: Comparison[]): string {
  return `<table class="grid comparisons"><tr><th>comparison</th><th>the paper states</th><th>computed</th><th>note</th></tr>${cs
    .map(
      (c) =>
        `<tr class="${c.ok ? 'ok' : 'bad'}"><td>${escapeHtml(c.name)}</td><td>${valueHtml(c.expected, 2)}</td><td>${valueHtml(c.actual, 2)}</td><td>${escapeHtml(c.note ?? '')}</td></tr>`,
    )
    .join('')}</table>`;
}

function rawJson(v: unknown): string {
  const json = JSON.stringify(v, null, 1) ?? 'null';
  const cut = json.length > MAX_RAW_JSON ? json.slice(0, MAX_RAW_JSON) + '\n… (cut; the whole instance is in report.json)' : json;
  return `<details class="raw"><summary>JSON</summary><pre>${escapeHtml(cut)}</pre></details>`;
}

function counterexampleHtml(c: Counterexample): string {
  if (c.type === 'comparisons') return `<h4>Failed comparisons</h4>${comparisonsHtml(c.failedComparisons)}${rawJson(c)}`;
  const origin =
    c.origin === 'stored'
      ? 'a stored counterexample (fixtures/counterexamples)'
      : `generated, shrunk ${c.shrinks} time${c.shrinks === 1 ? '' : 's'}`;
  return `<p class="origin">${escapeHtml(origin)}</p><h4>Instance</h4>${valueHtml(c.input)}${c.detail !== null && c.detail !== undefined ? `<h4>What the check found on it</h4>${valueHtml(c.detail)}` : ''}${rawJson(c)}`;
}

function replayHtml(cmd: string): string {
  return `<div class="replay"><span class="label">replay</span><code>${escapeHtml(cmd)}</code><button type="button" class="copy" data-copy="${escapeHtml(cmd)}">Copy</button></div>`;
}

function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

function badge(cls: string, text: string): string {
  return `<span class="badge ${cls}">${escapeHtml(text)}</span>`;
}

function entryId(id: string): string {
  return `entry-${id}`;
}

function entryHtml(r: ReportedResult, rep: Report, figures: Map<string, string>, bibliography: string | null): string {
  const status = r.asExpected ? 'ok' : r.outcome === 'error' ? 'err' : 'bad';
  const metrics = keyMetrics(r, 3)
    .map(([k, v]) => `${escapeHtml(k)}=${escapeHtml(formatValue(v))}`)
    .join(', ');
  const parts: string[] = [];
  parts.push(`<p class="title">${escapeHtml(r.title)}</p>`);
  const dl: Array<[string, string]> = [
    [
      'Source',
      `<code>${escapeHtml(r.source.seed)}</code>, ${escapeHtml(r.source.ref)}${r.source.section && !r.source.ref.includes(r.source.section) ? ` (section ${escapeHtml(r.source.section)})` : ''}`,
    ],
    ...(r.source.citation
      ? [
          [
            'Reference',
            bibliography && r.source.reference
              ? `<a href="${escapeHtml(bibliographyLink(bibliography, r.source.reference))}">${escapeHtml(r.source.citation)}</a>`
              : escapeHtml(r.source.citation),
          ] as [string, string],
        ]
      : []),
    ['Kind', `${escapeHtml(r.kind)}${r.refutation ? `; expected refutation: ${escapeHtml(r.refutation)}` : ''}`],
  ];
  if (r.relaxes) dl.push(['Relaxes', escapeHtml(r.relaxes)]);
  if (r.correctedBy) dl.push(['Corrected statement', `<a href="#${escapeHtml(entryId(r.correctedBy))}">${escapeHtml(r.correctedBy)}</a>`]);
  dl.push(['Hypotheses', `<ul>${r.hypotheses.map((h) => `<li>${escapeHtml(h)}</li>`).join('')}</ul>`]);
  if (r.scope?.length) dl.push(['Searched', `<ul>${r.scope.map((h) => `<li>${escapeHtml(h)}</li>`).join('')}</ul>`]);
  dl.push(['Conclusion checked', escapeHtml(r.conclusion)]);
  dl.push([
    'Run',
    `expected ${escapeHtml(r.expected)}, outcome <strong>${escapeHtml(r.outcome)}</strong>; ${r.runs} runs; seed ${r.seed}; <span class="timing">${r.durationMs} ms</span>`,
  ]);
  if (r.evidence)
    dl.push([
      'Evidence',
      `${r.evidence.generated} instances generated, ${r.evidence.checked} met the hypotheses and were checked, ${r.evidence.replayed} stored counterexamples replayed`,
    ]);
  parts.push(`<dl class="meta">${dl.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`);
  const m = Object.entries(r.metrics);
  if (m.length)
    parts.push(
      `<table class="kv metrics"><caption>Metrics</caption>${m.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${scalarHtml(v)}</td></tr>`).join('')}</table>`,
    );
  if (r.outcome === 'error') parts.push(`<pre class="error">${escapeHtml(r.error)}</pre>`);
  if (r.outcome !== 'holds' || !r.asExpected) parts.push(replayHtml(replayCommandFor(r, rep)));
  for (const n of r.notes ?? []) parts.push(`<blockquote>${escapeHtml(n)}</blockquote>`);
  for (const t of r.tables ?? []) parts.push(tableHtml(t));
  for (const a of r.artifacts ?? []) {
    const svg = figures.get(a.file);
    parts.push(
      svg !== undefined
        ? `<figure><img src="${svgDataUri(svg)}" alt="${escapeHtml(a.description ?? a.file)}"><figcaption>${escapeHtml(a.description ?? a.file)}</figcaption></figure>`
        : `<p class="more">figure ${escapeHtml(a.file)} is not available</p>`,
    );
  }
  if (r.outcome !== 'holds' && r.counterexample)
    parts.push(`<section class="cex"><h4 class="cex-title">Counterexample</h4>${counterexampleHtml(r.counterexample)}</section>`);
  const attrs = `id="${escapeHtml(entryId(r.id))}" class="entry ${status}" data-paper="${escapeHtml(paperOf(r.id))}" data-kind="${escapeHtml(r.kind)}" data-expected="${escapeHtml(r.expected)}" data-outcome="${escapeHtml(r.outcome)}" data-unexpected="${r.asExpected ? 'no' : 'yes'}"`;
  const badges = [
    badge(`o-${r.outcome}`, r.outcome),
    r.asExpected ? badge('as-expected', 'as expected') : badge('unexpected', `UNEXPECTED (expected ${r.expected})`),
    r.refutation && r.refutation !== r.kind ? badge(`r-${r.refutation}`, r.refutation) : '',
    badge('kind', r.kind),
  ].join('');
  return `<article ${attrs}><details${r.asExpected ? '' : ' open'}><summary><span class="id">${escapeHtml(r.id)}</span>${badges}<span class="key">${metrics}</span></summary>${parts.join('')}</details></article>`;
}

function countsRows(groups: Record<string, Counts>, filter: 'paper' | 'kind'): string {
  return Object.entries(groups)
    .map(
      ([k, c]) =>
        `<tr><th><button type="button" class="link" data-filter="${filter}" data-value="${escapeHtml(k)}">${escapeHtml(k)}</button></th><td>${c.total}</td><td>${c.asExpected}</td><td class="${c.unexpected ? 'bad' : ''}">${c.unexpected}</td><td class="${c.errors ? 'bad' : ''}">${c.errors}</td><td>${c.holds}</td><td>${c.refuted}</td></tr>`,
    )
    .join('');
}

function countsTable(title: string, groups: Record<string, Counts>, filter: 'paper' | 'kind'): string {
  return `<table class="counts"><caption>By ${title}</caption><tr><th>${title}</th><th>entries</th><th>as expected</th><th>unexpected</th><th>errors</th><th>hold</th><th>refuted</th></tr>${countsRows(groups, filter)}</table>`;
}

function options(values: string[]): string {
  return `<option value="">all</option>${values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('')}`;
}

const STYLE = `
:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--link:#0969da;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#30363d;--ok:#3fb950;--bad:#f85149;--warn:#d29922;--link:#4493f8}}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:16px 24px 64px}a{color:var(--link)}h1{font-size:24px;margin:8px 0}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h4{margin:12px 0 4px;font-size:14px}
.scope{padding:8px 12px;border-radius:6px;background:var(--panel);border:1px solid var(--line)}.scope.partial{border-color:var(--warn);color:var(--warn);font-weight:600}
.meta-line{color:var(--muted)}.totals{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}.total{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}.total b{display:block;font-size:22px}.total.bad b{color:var(--bad)}.total.good b{color:var(--ok)}
.tables{display:flex;flex-wrap:wrap;gap:24px}table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid var(--line);padding:2px 8px;text-align:left;vertical-align:top}caption{text-align:left;font-weight:600;padding:4px 0}
table.counts td{text-align:right}td.bad{color:var(--bad);font-weight:700}.grid td{text-align:right;font-variant-numeric:tabular-nums}.grid th.ix{color:var(--muted);font-weight:400;background:var(--panel)}table.kv th{background:var(--panel);font-weight:500}
button.link{background:none;border:0;padding:0;color:var(--link);cursor:pointer;font:inherit;text-decoration:underline}
#filters{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);padding:8px 0;display:flex;flex-wrap:wrap;gap:10px;align-items:center}#filters label{color:var(--muted)}#filters select,#filters input[type=search]{font:inherit;padding:3px 6px;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:var(--fg)}#filters input[type=search]{min-width:260px}#count{margin-left:auto;color:var(--muted)}
.entry{border:1px solid var(--line);border-left:4px solid var(--ok);border-radius:6px;margin:8px 0;background:var(--bg)}.entry.bad,.entry.err{border-left-color:var(--bad)}.entry>details>summary{cursor:pointer;padding:6px 10px;display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}.entry>details[open]>summary{border-bottom:1px solid var(--line)}.entry>details>*:not(summary){margin-left:12px;margin-right:12px}
.id{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-weight:600}.key{color:var(--muted);font-size:12px}.badge{font-size:12px;border-radius:10px;padding:0 8px;border:1px solid var(--line);background:var(--panel)}.badge.unexpected{background:var(--bad);color:#fff;border-color:var(--bad)}.badge.o-error{color:var(--bad)}.badge.r-erratum{border-color:var(--warn);color:var(--warn)}
.title{font-weight:600;margin:8px 0}dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}dl.meta ul{margin:0;padding-left:18px}
.replay{display:flex;gap:8px;align-items:center;margin:8px 0;flex-wrap:wrap}.replay .label{color:var(--muted)}.replay code{background:var(--panel);padding:3px 6px;border-radius:4px;border:1px solid var(--line)}button.copy,button.btn{font:inherit;font-size:12px;padding:2px 10px;border-radius:4px;border:1px solid var(--line);background:var(--panel);color:var(--fg);cursor:pointer}button.copy.done{color:var(--ok);border-color:var(--ok)}
pre{background:var(--panel);padding:8px;border-radius:4px;overflow:auto;max-height:420px;font-size:12px}pre.error{color:var(--bad);white-space:pre-wrap}blockquote{margin:8px 0;padding:4px 12px;border-left:3px solid var(--line);color:var(--muted)}
figure{margin:8px 0}figure img{max-width:100%;height:auto;background:#fff;border:1px solid var(--line)}figcaption{color:var(--muted);font-size:12px}.cex{margin:8px 0 12px}.origin,.more{color:var(--muted);font-size:12px;margin:2px 0}.vec{font-variant-numeric:tabular-nums}.null{color:var(--muted)}.slices{display:flex;flex-wrap:wrap;gap:6px 14px}.slice .path{color:var(--muted);font-size:12px;font-family:ui-monospace,monospace}tr.bad td{color:var(--bad)}
ul.findings li,ul.unexpected li{margin:4px 0}.hidden-note{color:var(--muted)}@media print{#filters{display:none}.entry details{display:block}}
`;

const SCRIPT = `
(function () {
  var entries = Array.prototype.slice.call(document.querySelectorAll('article.entry'));
  var $ = function (id) { return document.getElementById(id); };
  var fields = { paper: $('f-paper'), kind: $('f-kind'), expected: $('f-expected'), outcome: $('f-outcome') };
  var unexpectedOnly = $('f-unexpected'), search = $('f-search'), count = $('count');
  var texts = new Map();
  function textOf(e) { if (!texts.has(e)) texts.set(e, e.textContent.toLowerCase()); return texts.get(e); }
  function apply() {
    var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean), shown = 0;
    entries.forEach(function (e) {
      var ok = Object.keys(fields).every(function (k) { return !fields[k].value || e.dataset[k] === fields[k].value; });
      if (ok && unexpectedOnly.checked) ok = e.dataset.unexpected === 'yes';
      if (ok && terms.length) { var t = textOf(e); ok = terms.every(function (w) { return t.indexOf(w) >= 0; }); }
      e.hidden = !ok; if (ok) shown++;
    });
    count.textContent = shown + ' of ' + entries.length + ' entries shown';
  }
  Object.keys(fields).forEach(function (k) { fields[k].addEventListener('change', apply); });
  unexpectedOnly.addEventListener('change', apply);
  search.addEventListener('input', apply);
  $('f-reset').addEventListener('click', function () { Object.keys(fields).forEach(function (k) { fields[k].value = ''; }); unexpectedOnly.checked = false; search.value = ''; apply(); });
  document.querySelectorAll('button[data-filter]').forEach(function (b) {
    b.addEventListener('click', function () { var f = fields[b.dataset.filter]; f.value = b.dataset.value; apply(); $('entries').scrollIntoView(); });
  });
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1)), e = id && document.getElementById(id);
    if (!e || !e.classList.contains('entry')) return;
    if (e.hidden) { $('f-reset').click(); }
    var d = e.querySelector('details'); if (d) d.open = true;
    e.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);
  function copied(b) { b.textContent = 'Copied'; b.classList.add('done'); setTimeout(function () { b.textContent = 'Copy'; b.classList.remove('done'); }, 1500); }
  function fallback(b) {
    var code = b.parentNode.querySelector('code'), r = document.createRange(); r.selectNodeContents(code);
    var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
    try { if (document.execCommand('copy')) { copied(b); return; } } catch (err) { /* selected: the user copies by hand */ }
    b.textContent = 'Selected: press Ctrl+C';
  }
  document.querySelectorAll('button.copy').forEach(function (b) {
    b.addEventListener('click', function () {
      var text = b.dataset.copy;
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(function () { copied(b); }, function () { fallback(b); });
      else fallback(b);
    });
  });
  apply();
  reveal();
})();
`;

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

/** The whole page; `bibliography` is the path from it to properties/BIBLIOGRAPHY.md, which each entry's reference links to (null: no link). */
export function reportHtml(bundle: ReportBundle, opts: { bibliography?: string | null } = {}): string {
  const { report: rep, figures } = bundle;
  const s = rep.summary;
  const unexpected = rep.results.filter((r) => !r.asExpected);
  const findings = rep.results.filter((r) => r.refutation === 'erratum');
  const ordered = [...unexpected, ...rep.results.filter((r) => r.asExpected)];
  const kinds = [...new Set(rep.results.map((r) => r.kind))].sort();
  const papers = Object.keys(s.byPaper);
  const link = (id: string) => `<a href="#${escapeHtml(entryId(id))}">${escapeHtml(id)}</a>`;
  const body: string[] = [];
  body.push(`<header><h1>mechcheck verification report${rep.partial ? ' (partial run)' : ''}</h1>`);
  body.push(`<p class="scope${rep.partial ? ' partial' : ''}">Scope: ${escapeHtml(scopeLine(rep))}.</p>`);
  body.push(
    `<p class="meta-line">Generated <span class="timing">${escapeHtml(rep.generatedAt)}</span> by mechcheck ${escapeHtml(rep.version)}; base seed ${rep.seed}${rep.runsOverride ? `; runs ${rep.runsOverride}` : ''}${rep.timeoutSeconds ? `; timeout ${rep.timeoutSeconds} s per entry` : ''}; <span class="timing">${(s.durationMs / 1000).toFixed(1)} s</span>.</p></header>`,
  );
  body.push(`<section id="summary"><h2>Summary</h2><div class="totals">`);
  body.push(
    `<div class="total ${s.unexpected ? 'bad' : 'good'}" id="total-as-expected"><b>${s.asExpected}/${s.total}</b>as expected</div>`,
  );
  body.push(`<div class="total ${s.unexpected ? 'bad' : ''}" id="total-unexpected"><b>${s.unexpected}</b>unexpected</div>`);
  body.push(`<div class="total ${s.errors ? 'bad' : ''}" id="total-errors"><b>${s.errors}</b>errors</div>`);
  body.push(`<div class="total"><b>${s.holds}</b>hold</div>`);
  body.push(
    `<div class="total"><b>${s.refuted}</b>refuted: ${s.refutedBy.relaxation} relaxations, ${s.refutedBy.erratum} paper errata, ${s.refutedBy.example} examples</div>`,
  );
  body.push(
    `<div class="total ${s.lp.unresolved ? 'bad' : ''}" id="total-lp"><b>${s.lp.solves}</b>LP solves certified: ${s.lp.disagreementsResolved} backend disagreements settled by a certificate, ${s.lp.unresolved} unsettled</div></div>`,
  );
  body.push(`<div class="tables">${countsTable('paper', s.byPaper, 'paper')}${countsTable('kind', s.byKind, 'kind')}</div></section>`);
  if (unexpected.length) {
    body.push(`<section id="unexpected"><h2>Unexpected results (${unexpected.length})</h2><ul class="unexpected">`);
    for (const r of unexpected)
      body.push(
        `<li>${link(r.id)}: <strong>${escapeHtml(r.outcome)}</strong>, expected ${escapeHtml(r.expected)}${r.outcome === 'error' ? `: ${escapeHtml(r.error)}` : ''}${replayHtml(replayCommandFor(r, rep))}</li>`,
      );
    body.push('</ul></section>');
  }
  if (findings.length) {
    body.push(
      `<section id="findings"><h2>Paper findings (${findings.length})</h2><p>Statements of the papers, as printed, that the computation shows false (entries expected to be refuted as errata). Each links to its entry and, where there is one, to the entry checking the corrected statement.</p><ul class="findings">`,
    );
    for (const r of findings) {
      body.push(
        `<li><span class="badge">${escapeHtml(paperOf(r.id))}</span> ${escapeHtml(r.source.ref)}: ${escapeHtml(r.title)} (${link(r.id)}, ${escapeHtml(r.outcome)}${r.asExpected ? '' : ', <strong>UNEXPECTED</strong>'})${r.correctedBy ? `; corrected statement: ${link(r.correctedBy)}` : ''}</li>`,
      );
    }
    body.push('</ul></section>');
  }
  body.push(`<section id="entries"><h2>Entries</h2><form id="filters" role="search">`);
  body.push(`<label>paper <select id="f-paper">${options(papers)}</select></label>`);
  body.push(`<label>kind <select id="f-kind">${options(kinds)}</select></label>`);
  body.push(`<label>expected <select id="f-expected">${options(['holds', 'refuted'])}</select></label>`);
  body.push(`<label>outcome <select id="f-outcome">${options(['holds', 'refuted', 'error'])}</select></label>`);
  body.push(`<label><input type="checkbox" id="f-unexpected"> unexpected only</label>`);
  body.push(`<input type="search" id="f-search" placeholder="search ids, titles, hypotheses, counterexamples" aria-label="search">`);
  body.push(`<button type="button" id="f-reset" class="btn">Reset</button><span id="count">${rep.results.length} entries</span></form>`);
  for (const r of ordered) body.push(entryHtml(r, rep, figures, opts.bibliography ?? null));
  body.push('</section>');
  const csp = `default-src 'none'; img-src data:; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(SCRIPT)}'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>mechcheck verification report${rep.partial ? ' (partial)' : ''}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

// report.html's behaviour: filter, sort, and opening a row into its model's details. The details
// are built from the embedded JSON with textContent only (no HTML from data), on demand, so a
// page of thousands of rows stays light.
(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const tbody = document.querySelector('#rows tbody');
  const rows = Array.from(tbody.querySelectorAll('tr.row'));
  const filter = document.getElementById('filter');
  const statusSel = document.getElementById('status');
  const targetSel = document.getElementById('target');
  const count = document.getElementById('count');

  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  };

  function closeAll() {
    for (const d of tbody.querySelectorAll('tr.detail')) d.remove();
    for (const b of tbody.querySelectorAll('button.expand[aria-expanded=true]')) b.setAttribute('aria-expanded', 'false');
  }

  function applyFilter() {
    const q = filter.value.trim().toLowerCase();
    const s = statusSel.value;
    const t = targetSel.value;
    let shown = 0;
    for (const r of rows) {
      const hay = `${r.dataset.model} ${r.dataset.target} ${r.dataset.status} ${r.dataset.codes}`.toLowerCase();
      const ok = (!q || q.split(/\s+/).every((w) => hay.includes(w))) && (!s || r.dataset.status === s) && (!t || r.dataset.target === t);
      r.hidden = !ok;
      if (ok) shown++;
      const next = r.nextElementSibling;
      if (!ok && next && next.classList.contains('detail')) {
        next.remove();
        r.querySelector('button.expand').setAttribute('aria-expanded', 'false');
      }
    }
    count.textContent = `${shown} of ${rows.length} rows`;
  }

  function sortBy(th) {
    const key = th.dataset.key;
    const numeric = th.dataset.type === 'num';
    const dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    for (const h of th.parentElement.children) h.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    closeAll();
    const value = (r) => (numeric ? Number(r.dataset[key]) : r.dataset[key]);
    rows.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = numeric ? x - y : String(x).localeCompare(String(y));
      return dir * (c || Number(a.dataset.order) - Number(b.dataset.order));
    });
    for (const r of rows) tbody.append(r);
  }

  function findingItem(f, row, model) {
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}${f.column ? `:${f.column}` : ''}` : '';
    let loc = null;
    if (where && row.outDir) {
      // The output carries the project's files unchanged, so file:line opens next to the report.
      loc = el('a', { class: 'where', href: `${row.outDir.split('/').map(encodeURIComponent).join('/')}/${f.file.split('/').map(encodeURIComponent).join('/')}` }, where);
    } else if (where) loc = el('span', { class: 'where', title: `in ${model.source}` }, where);
    return el('li', { class: `sev-${f.severity}` }, el('code', {}, f.code), loc, el('span', {}, `${f.severity}: ${f.message}`), f.hint ? el('div', { class: 'hint' }, f.hint) : null);
  }

  function schemaSection(model) {
    const s = model.schema;
    if (!s) return el('p', { class: 'muted' }, 'No schema: the model could not be read.');
    const head = el('tr', {}, ...['input', 'type', 'default', 'constraints', 'description'].map((h) => el('th', {}, h)));
    const body = s.inputs.map((i) => el('tr', {}, el('td', {}, el('code', {}, i.name)), el('td', {}, i.type), el('td', {}, i.required ? 'required' : (i.default ?? '')), el('td', {}, i.constraints), el('td', {}, i.description ?? '')));
    return el('div', {}, el('table', { class: 'schema' }, el('thead', {}, head), el('tbody', {}, ...body)), el('div', {}, 'Output: ', el('code', {}, s.output)));
  }

  function dockerfileSection(row) {
    if (!row.dockerfile) return null;
    const pre = el('pre', { class: 'df' });
    for (const c of row.dockerfile) {
      if (c.action === 'kept') pre.append(el('span', {}, `  ${c.before}\n`));
      if ((c.action === 'removed' || c.action === 'replaced') && c.before) pre.append(el('span', { class: 'removed' }, `- ${c.before}\n`));
      if ((c.action === 'added' || c.action === 'replaced') && c.after) pre.append(el('span', { class: 'added' }, `+ ${c.after}\n`));
      if (c.action !== 'kept') pre.append(el('span', { class: 'reason' }, `      # ${c.reason}\n`));
    }
    return el('div', {}, el('h3', {}, 'Dockerfile against cog debug (- removed, + added, with the reason)'), pre);
  }

  function details(model, row) {
    const box = el('div', { class: 'details' });
    box.append(el('h3', {}, `Findings (${row.target})`));
    box.append(row.findings.length ? el('ul', { class: 'findings' }, ...row.findings.map((f) => findingItem(f, row, model))) : el('p', { class: 'muted' }, 'None.'));
    if (model.changes) {
      box.append(el('h3', {}, 'Schema changes since the baseline'));
      if (model.changes.baseline === 'new') box.append(el('p', { class: 'muted' }, 'New since the baseline.'));
      else if (!model.changes.items.length) box.append(el('p', { class: 'muted' }, 'None.'));
      else box.append(el('ul', {}, ...model.changes.items.map((c) => el('li', { class: `change${c.breaking ? ' breaking' : ''}` }, `${c.breaking ? 'BREAKING ' : ''}${c.message}`))));
    }
    box.append(el('h3', {}, 'Input and output'), schemaSection(model));
    const df = dockerfileSection(row);
    if (df) box.append(df);
    if (row.migrationMd) box.append(el('details', {}, el('summary', {}, 'MIGRATION.md'), el('pre', {}, row.migrationMd)));
    if (row.outDir) box.append(el('p', {}, 'Output: ', el('a', { href: `${row.outDir.split('/').map(encodeURIComponent).join('/')}/` }, row.outDir)));
    return box;
  }

  tbody.addEventListener('click', (ev) => {
    const button = ev.target.closest('button.expand');
    if (!button) return;
    const tr = button.closest('tr');
    const open = button.getAttribute('aria-expanded') === 'true';
    if (open) {
      tr.nextElementSibling.remove();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    const model = data.models[Number(tr.dataset.m)];
    const row = model.rows[Number(tr.dataset.r)];
    const detail = el('tr', { class: 'detail' }, el('td', { colspan: String(tr.children.length) }, details(model, row)));
    tr.after(detail);
    button.setAttribute('aria-expanded', 'true');
  });
  for (const th of document.querySelectorAll('#rows thead th')) th.addEventListener('click', () => sortBy(th));
  filter.addEventListener('input', applyFilter);
  statusSel.addEventListener('change', applyFilter);
  targetSel.addEventListener('change', applyFilter);
  applyFilter();
})();

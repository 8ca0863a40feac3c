/**
 * `/api/docs`: an interactive reference served from this server (no CDN), with its script and styles as separate
 * files so it runs under `script-src 'self'` with no inline code.
 */
export const docsHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Formwork API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/api/docs.css">
<script type="module" src="/api/docs.js"></script>
</head>
<body>
<main>
<h1>Formwork API reference</h1>
<p>Every request and response is JSON. Sign in first with <code>POST /api/session</code>: the page sends the
<code>fw_csrf</code> cookie as <code>X-CSRF-Token</code> for you. The machine-readable document is
<a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<div id="operations">Loading…</div>
</main>
</body>
</html>`;

export const docsCss = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 4rem}
h2{font-size:1.1rem;margin:2rem 0 .5rem;text-transform:capitalize}
details{background:#fff;border:1px solid #d0d0d0;border-radius:6px;margin:.4rem 0;padding:.5rem .8rem}
summary{cursor:pointer;font-family:ui-monospace,monospace}
.method{display:inline-block;min-width:4.5rem;font-weight:700}
label{display:block;margin:.4rem 0 .1rem;font-size:.9rem}
input,textarea{width:100%;box-sizing:border-box;font-family:ui-monospace,monospace;font-size:.9rem;padding:.3rem}
textarea{min-height:6rem}
button{margin-top:.5rem;padding:.4rem 1rem;font-size:1rem}
pre{background:#f0f0f0;padding:.6rem;overflow:auto;max-height:24rem;white-space:pre-wrap}`;

export const docsJs = `const root = document.getElementById('operations');
const csrf = () => (document.cookie.split('; ').find((c) => c.startsWith('fw_csrf=')) || '').slice(8);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
};
const doc = await (await fetch('/api/openapi.json')).json();
root.textContent = '';
const byTag = new Map();
for (const [path, ops] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(ops)) {
    const tag = (op.tags || ['other'])[0];
    if (!byTag.has(tag)) byTag.set(tag, []);
    byTag.get(tag).push({ path, method, op });
  }
}
for (const [tag, ops] of byTag) {
  root.append(el('h2', { textContent: tag }));
  for (const { path, method, op } of ops) {
    const inputs = [];
    const form = el('form');
    for (const p of op.parameters || []) {
      if (p.name === 'X-CSRF-Token') continue;
      const input = el('input', { name: p.name, required: p.required, placeholder: p.description || '' });
      inputs.push({ p, input });
      form.append(el('label', { textContent: p.name + ' (' + p.in + ')' }), input);
    }
    const body = op.requestBody ? el('textarea', { name: 'body', value: '{}' }) : null;
    if (body) form.append(el('label', { textContent: 'JSON body' }), body);
    const out = el('pre');
    form.append(el('button', { type: 'submit', textContent: 'Send' }), out);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      let url = path;
      const query = new URLSearchParams();
      const headers = {};
      for (const { p, input } of inputs) {
        if (!input.value) continue;
        if (p.in === 'path') url = url.replace('{' + p.name + '}', encodeURIComponent(input.value));
        else if (p.in === 'query') query.set(p.name, input.value);
        else headers[p.name] = input.value;
      }
      if (method !== 'get') headers['X-CSRF-Token'] = csrf();
      if (body) headers['Content-Type'] = 'application/json';
      const qs = query.toString();
      const response = await fetch(url + (qs ? '?' + qs : ''), { method: method.toUpperCase(), headers, body: body ? body.value : undefined, credentials: 'same-origin' });
      const text = await response.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
      out.textContent = response.status + ' ' + response.statusText + '\\n\\n' + shown;
    });
    root.append(el('details', {}, el('summary', {}, el('span', { className: 'method', textContent: method.toUpperCase() }), path + ' — ' + op.summary), form));
  }
}
`;

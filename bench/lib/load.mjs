// The server benchmark's load generator, run as its own process (bench/server.mjs forks it): a deployment's
// clients are elsewhere, so autocannon must not share the server's event loop (in-process it did, for every row
// alike). It receives one scenario at a time over IPC, runs autocannon and answers with the summary and the CPU
// time it used itself. Scenarios are named here because autocannon's hooks (functions) cannot cross processes.
import autocannon from 'autocannon';

/** The requests of each scenario; `s` is what the parent sent (url, headers, records, data). */
const scenarios = {
  bare: (s) => ({ url: `${s.url}/bare` }),
  insert: (s) => ({ url: `${s.url}/insert`, method: 'POST' }),
  // Autosave: each connection edits its own record and follows its own revision. autocannon resets `context`
  // after every pass through `requests`, so the record is bound to the connection in setupClient.
  save: (s) => {
    const mine = s.records.map((id) => ({ id, revision: 1 }));
    let next = 0;
    return {
      url: s.url,
      setupClient: (client) => {
        const rec = mine[next++];
        if (!rec) throw new Error('more connections than records');
        client.setRequests([
          {
            setupRequest: (req) => ({
              ...req,
              method: 'PUT',
              path: `/api/records/${rec.id}/data`,
              headers: { ...s.headers, 'If-Match': `"${rec.revision}"` },
              body: JSON.stringify({ data: { ...s.data, description: `edit ${Math.random()}` } }),
            }),
            // Follow the server's revision (200: the new one, in its ETag; 412: the current one, in the body), so
            // one miss cannot derail the rest.
            onResponse: (status, body, _context, headers) => {
              try {
                if (status === 200) rec.revision = Number(/\d+/.exec(headers.etag ?? headers.ETag)[0]);
                else if (status === 412) rec.revision = JSON.parse(body).current.revision;
              } catch {
                // a malformed answer counts as non-2xx; the revision stays as it was
              }
            },
          },
        ]);
      },
    };
  },
  // Proceed: each request moves a fresh record draft -> reported (gates evaluated, prune, transition, audit).
  proceed: (s) => {
    let p = 0;
    return {
      url: s.url,
      amount: s.records.length,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            method: 'POST',
            path: `/api/records/${s.records[p++ % s.records.length]}/proceed`,
            headers: s.headers,
            body: JSON.stringify({ to: 'reported' }),
          }),
        },
      ],
    };
  },
};

process.on('message', async (m) => {
  const cpu0 = process.cpuUsage();
  try {
    const r = await autocannon({ connections: m.connections, duration: m.seconds, ...scenarios[m.name](m) });
    const cpu = process.cpuUsage(cpu0);
    process.send({
      ok: true,
      result: {
        requests: { average: r.requests.average, total: r.requests.total },
        latency: { p50: r.latency.p50, p99: r.latency.p99 },
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        loadMs: (cpu.user + cpu.system) / 1000,
      },
    });
  } catch (error) {
    process.send({ ok: false, error: String(error?.stack ?? error) });
  }
});
process.send({ ready: true });

// The yardstick: a bare Hono app on the same Node server adapter, answering small JSON.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const app = new Hono();
app.get('/api/health', (c) => c.json({ ok: true }));
app.get('/api/drafts/:id', (c) => c.json({ id: c.req.param('id') }));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => process.send({ type: 'ready', port: info.port }));
process.on('message', (m) => {
  if (m.type === 'stop') process.exit(0);
});

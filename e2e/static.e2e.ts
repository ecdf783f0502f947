import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './support';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe('the console served by the API process', () => {
  it('serves the single-page app at / and at console routes', async () => {
    for (const path of ['/', '/people', '/invite/abc']) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('answers a missing asset with 404, never with the page', async () => {
    const res = await fetch(server.url + '/assets/missing-chunk-123.js');
    expect(res.status).toBe(404);
  });

  it('answers unknown API paths with JSON', async () => {
    const res = await fetch(server.url + '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('common/not-found');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('the OpenAPI document', () => {
  it('describes the normalized ingestion format and the session summary', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const events = doc.paths['/api/v1/ingest/events/{roomId}'].post;
    const item = events.requestBody.content['application/json'].schema.items;
    expect(Object.keys(item.properties)).toEqual(expect.arrayContaining(['kind', 'id', 'at', 'user', 'text', 'valueFen', 'orderId', 'status']));
    expect(item.properties.kind.enum).toEqual(expect.arrayContaining(['comment', 'gift', 'order', 'transcript', 'stream_status']));
    const summary = doc.paths['/api/v1/sessions/{id}/summary'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(summary.properties)).toEqual(expect.arrayContaining(['counts', 'uniqueCommenters', 'giftValueFen', 'peakViewers', 'averageViewers', 'gmvFen', 'firstEventAt', 'lastEventAt', 'unknownMessages']));
  });
});

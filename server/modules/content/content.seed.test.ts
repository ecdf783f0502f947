import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDetailView, ContentListView } from '../../../contracts/content';
import type { SessionView } from '../../../contracts/planning';
import { Client, createTestContext, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
let sessions: SessionView[];
let all: ContentListView;

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new Client(ctx.app);
  expect((await owner.post('/api/v1/setup/demo')).statusCode).toBe(201);
  await owner.login('owner@demo.showrunner.dev', 'showrunner-demo');
  sessions = (await owner.get('/api/v1/sessions?limit=2000')).json().items;
  all = (await owner.get('/api/v1/content?limit=500')).json();
});
afterAll(() => ctx.close());

describe('demo content', () => {
  it('gives every scheduled or live session an approved script and title, so the gate holds for the demo too', () => {
    const upcoming = sessions.filter((s) => s.status === 'scheduled' || s.status === 'live');
    expect(upcoming.length).toBeGreaterThan(10);
    for (const s of upcoming) {
      for (const kind of ['script', 'title'] as const) {
        const item = all.items.find((i) => i.sessionId === s.id && i.kind === kind);
        expect(item?.state, `${s.title} ${kind}`).toBe('approved');
        expect(item?.openBlocks, `${s.title} ${kind}`).toBe(0);
      }
    }
  });

  it('leaves work in the review queue, with a finding to fix, a request for changes and a second version to diff', async () => {
    expect(all.counts.in_review).toBeGreaterThanOrEqual(3);
    expect(all.counts.changes_requested).toBeGreaterThanOrEqual(1);
    const queue = (await owner.get('/api/v1/content?state=in_review')).json() as ContentListView;
    const times = queue.items.map((i) => i.updatedAt);
    expect([...times].sort()).toEqual(times);
    expect(queue.items.some((i) => i.openBlocks > 0)).toBe(true);
    const resubmitted = queue.items.find((i) => i.currentVersion === 2)!;
    expect(resubmitted).toBeDefined();
    const diff = (await owner.get(`/api/v1/content/${resubmitted.id}/diff?from=1&to=2`)).json();
    expect(diff.parts.some((p: { type: string }) => p.type === 'removed')).toBe(true);
    const changes = all.items.find((i) => i.state === 'changes_requested')!;
    const detail = (await owner.get(`/api/v1/content/${changes.id}`)).json() as ContentDetailView;
    expect(detail.comments.find((c) => c.quote === '全网最低价')).toBeDefined();
    expect(detail.findings.some((f) => f.severity === 'block')).toBe(true);
  });

  it('only attaches content to sessions of the same team and room', () => {
    for (const item of all.items) {
      const s = sessions.find((x) => x.id === item.sessionId)!;
      expect(s, item.name).toBeDefined();
      expect(item.roomId).toBe(s.roomId);
      expect(item.teamId).toBe(s.teamId);
    }
  });
});

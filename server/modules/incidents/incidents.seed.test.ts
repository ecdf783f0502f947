import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail, IncidentStatus, IncidentView, RiskView } from '../../../contracts/incidents';
import { Client, createTestContext, type TestContext } from '../../test/harness';
import { canTransition } from './incidents.rules';

// The demo company's past incidents: each on one of its past shows, worked through its playbook, with a timeline that
// follows the status flow, and the closed one with its postmortem and action items in their owners' tasks.

let ctx: TestContext;
let owner: Client;
let incidents: IncidentView[];

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new Client(ctx.app);
  expect((await owner.post('/api/v1/setup/demo')).statusCode).toBe(201);
  await owner.login('owner@demo.showrunner.dev', 'showrunner-demo');
  incidents = (await owner.get('/api/v1/incidents')).json().items;
}, 120_000);
afterAll(() => ctx.close());

const STATUS_ZH: Record<string, IncidentStatus> = { 调查中: 'investigating', 已缓解: 'mitigated', 已解决: 'resolved', 复盘中: 'postmortem', 已关闭: 'closed' };

describe('demo incidents', () => {
  it('are three past incidents, one open, each opened during a past show of its room', async () => {
    expect(incidents.map((i) => i.status).sort()).toEqual(['closed', 'mitigated', 'resolved']);
    for (const i of incidents) {
      const session = (await owner.get(`/api/v1/sessions/${i.sessionId}`)).json();
      expect(session.roomId).toBe(i.roomId);
      expect(['ended', 'reviewed']).toContain(session.status);
      const stats = await ctx.deps.db.selectFrom('live_session_stats').selectAll().where('session_id', '=', i.sessionId!).executeTakeFirstOrThrow();
      expect(i.openedAt > stats.first_event_at && i.openedAt < stats.last_event_at).toBe(true);
      expect(i.openedAt < i.mitigatedAt!).toBe(true);
      if (i.resolvedAt) expect(i.mitigatedAt! < i.resolvedAt).toBe(true);
    }
  });

  it('keep a timeline in order whose status changes follow the status flow to the current status', async () => {
    for (const i of incidents) {
      const d = (await owner.get(`/api/v1/incidents/${i.id}`)).json() as IncidentDetail;
      const times = d.timeline.map((e) => e.at);
      expect([...times].sort()).toEqual(times);
      let status: IncidentStatus = 'investigating';
      for (const e of d.timeline.filter((x) => x.kind === 'status')) {
        const [, from, to] = /：(\S+) → (\S+)$/.exec(e.textZh)!;
        expect(STATUS_ZH[from!]).toBe(status);
        expect(canTransition(status, STATUS_ZH[to!]!)).toBe(true);
        status = STATUS_ZH[to!]!;
      }
      expect(status).toBe(d.status);
      // the playbook's first steps were ticked before it was mitigated
      const done = d.steps.filter((s) => s.doneAt);
      expect(done.length).toBeGreaterThan(0);
      for (const s of done) {
        expect(s.doneAt! <= d.mitigatedAt!).toBe(true);
        expect(s.doneByName).toBeTruthy();
      }
      expect(d.steps.slice(0, done.length).every((s) => s.doneAt)).toBe(true);
    }
  });

  it('the closed one has its postmortem, and its action items are tasks of their owners, linked from the risk it realised', async () => {
    const closed = incidents.find((i) => i.status === 'closed')!;
    const d = (await owner.get(`/api/v1/incidents/${closed.id}`)).json() as IncidentDetail;
    expect(d.postmortem.rootCause).not.toBe('');
    expect(d.postmortem.minutesAffected).toBeGreaterThan(0);
    expect(d.postmortem.actionItems.map((a) => a.status).sort()).toEqual(['done', 'open']);
    for (const a of d.postmortem.actionItems) expect(a.ownerName).toBeTruthy();
    const tasks = (await owner.get('/api/v1/tasks')).json().items as { id: string; sourceKind: string; sourceId: string | null }[];
    expect(tasks.filter((t) => t.sourceKind === 'incident_action' && t.sourceId === closed.id).map((t) => t.id).sort()).toEqual(d.postmortem.actionItems.map((a) => a.id).sort());
    const risks = (await owner.get('/api/v1/risks')).json().items as RiskView[];
    expect(risks.filter((r) => r.incidentIds.includes(closed.id))).toHaveLength(1);
  });
});

import { z } from 'zod';
import { NotificationList } from '../../../contracts/findings';
import { DomainError, requestLocale } from '../../platform/errors';
import type { App } from '../../platform/http';
import { nowIso } from '../../platform/ids';

const tags = ['notifications'];
const LIST = 50;

export async function notificationsRoutes(app: App) {
  const { db } = app.deps;
  app.get(
    '/api/v1/notifications',
    { config: { permission: 'signed-in' }, schema: { tags, response: { 200: NotificationList }, description: "The caller's latest notifications and the number unread." } },
    async (req) => {
      const userId = req.actor.userId ?? '';
      const rows = await db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(LIST).execute();
      const unread = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number | string>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
      const zh = requestLocale(req) === 'zh-CN';
      return {
        unread: Number(unread?.n ?? 0),
        items: rows.map((r) => ({
          id: Number(r.id),
          kind: r.kind,
          severity: r.severity as 'info' | 'warn' | 'block',
          title: zh ? r.title_zh : r.title_en,
          body: r.body,
          link: r.link,
          sessionId: r.session_id,
          read: r.read_at !== null,
          createdAt: r.created_at,
        })),
      };
    },
  );
  app.post(
    '/api/v1/notifications/:id/read',
    { config: { permission: 'signed-in' }, schema: { tags, params: z.object({ id: z.coerce.number().int().positive() }), response: { 204: z.null() } } },
    async (req, reply) => {
      const res = await db.updateTable('notifications').set({ read_at: nowIso() }).where('id', '=', req.params.id).where('user_id', '=', req.actor.userId ?? '').where('read_at', 'is', null).executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) {
        const mine = await db.selectFrom('notifications').select('id').where('id', '=', req.params.id).where('user_id', '=', req.actor.userId ?? '').executeTakeFirst();
        if (!mine) throw new DomainError('notifications/not-found');
      }
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/v1/notifications/read-all',
    { config: { permission: 'signed-in' }, schema: { tags, response: { 204: z.null() } } },
    async (req, reply) => {
      await db.updateTable('notifications').set({ read_at: nowIso() }).where('user_id', '=', req.actor.userId ?? '').where('read_at', 'is', null).execute();
      return reply.code(204).send(null);
    },
  );
}

import { SetupOwnerInput } from '../../../contracts/accounts';
import { setSessionCookie } from '../../platform/auth';
import type { App } from '../../platform/http';
import { meViewFor } from '../accounts/accounts.routes';
import * as service from './setup.service';

const tags = ['setup'];

export async function setupRoutes(app: App) {
  const { deps } = app;

  app.get('/api/v1/setup', { config: { permission: 'public' }, schema: { tags } }, async () => service.setupStatus(deps.db));

  app.post('/api/v1/setup/owner', { config: { permission: 'public' }, schema: { tags, body: SetupOwnerInput } }, async (req, reply) => {
    const { user, session } = await service.setupOwner(deps, req.body);
    setSessionCookie(reply, session.token, deps.config.cookieSecure);
    return reply.code(201).send(await meViewFor(deps.db, user, session.csrfToken));
  });

  app.post('/api/v1/setup/demo', { config: { permission: 'public' }, schema: { tags } }, async (_req, reply) => {
    const { user, session } = await service.setupDemo(deps);
    setSessionCookie(reply, session.token, deps.config.cookieSecure);
    return reply.code(201).send(await meViewFor(deps.db, user, session.csrfToken));
  });
}

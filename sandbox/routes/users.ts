/** GET /v1/users: the organisation's members (account managers are members). */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { listMembers } from '../model/organization';

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (api) => {
    api.get('/users', async () => ({ users: listMembers(ctx.db) }));
  };

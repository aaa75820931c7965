/** GET /v1/users: the organisation's members (account managers are members). */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { listMembers } from '../model/organization';
import { parseOr400 } from '../errors';
import { pageOfList, withExtras } from '../readings';
import { pageQuerySchema } from '../schemas';

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (api) => {
    // [live] {users: [...]}; [open] paging and its page size: `readings.usersPage`.
    api.get('/users', async (request) => {
      const query = parseOr400(pageQuerySchema, request.query);
      const all = listMembers(ctx.db).map((m) => withExtras(ctx.readings, m));
      const { items, paging } = pageOfList(all, ctx.readings.usersPage, query.offset, query.limit);
      return { ...(paging ?? {}), users: items };
    });
  };

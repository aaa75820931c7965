/** GET /v1/dunning_plans: the workflows, answered as {items: [...]} like Upflow does. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { listDunningPlans } from '../model/organization';
import { parseOr400 } from '../errors';
import { pageOfList, withExtras } from '../readings';
import { pageQuerySchema } from '../schemas';

export const dunningPlanRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (api) => {
    // [open] paging and its page size: `readings.workflowsPage`.
    api.get('/dunning_plans', async (request) => {
      const query = parseOr400(pageQuerySchema, request.query);
      const all = listDunningPlans(ctx.db).map((p) => withExtras(ctx.readings, p));
      const { items, paging } = pageOfList(all, ctx.readings.workflowsPage, query.offset, query.limit);
      return { ...(paging ?? { offset: 0, limit: all.length, total: all.length }), items };
    });
  };

/** GET /v1/dunning_plans: the workflows, answered as {items: [...]} like Upflow does. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { listDunningPlans } from '../model/organization';

export const dunningPlanRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (api) => {
    api.get('/dunning_plans', async () => ({ items: listDunningPlans(ctx.db) }));
  };

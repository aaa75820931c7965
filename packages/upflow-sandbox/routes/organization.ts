/** [inferred] GET /v1/organization → {name, sourceSystem}, so the add-on can show where data comes from. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { getOrganization } from '../model/organization';

export const organizationRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (api) => {
    api.get('/organization', async () => {
      const { name, sourceSystem } = getOrganization(ctx.db);
      return { name, sourceSystem };
    });
  };

/**
 * Local tooling, not part of Upflow's API: no credentials, no rate limit.
 * GET /_admin/stats, GET|POST /_admin/faults, POST /_admin/reset, GET|POST /_admin/organization.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { parseOr400 } from '../errors';
import { getOrganization, updateOrganization } from '../model/organization';
import { faultsSchema, organizationPatchSchema } from '../schemas';

export const adminRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (admin) => {
    admin.get('/stats', async () => ctx.statsSnapshot());

    admin.get('/faults', async () => ctx.faults.get());

    // Replaces the fault configuration; `{}` turns every fault off.
    admin.post('/faults', async (request) => {
      ctx.faults.set(parseOr400(faultsSchema, request.body ?? {}));
      return ctx.faults.get();
    });

    admin.post('/reset', async () => {
      ctx.reset();
      return { ok: true };
    });

    const publicOrganization = () => {
      const { name, sourceSystem } = getOrganization(ctx.db);
      return { name, sourceSystem };
    };
    admin.get('/organization', async () => publicOrganization());
    // Switch the source system (or rename) without editing the seed, e.g. to try the assign-only mode.
    admin.post('/organization', async (request) => {
      updateOrganization(ctx.db, parseOr400(organizationPatchSchema, request.body ?? {}));
      return publicOrganization();
    });
  };

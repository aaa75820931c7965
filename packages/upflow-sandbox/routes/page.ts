/** GET / (the organisation at a glance) and GET /app/customers/:id (a customer's `directUrl`). */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { customerById, renderCustomer, renderCustomers, type CustomerRow } from '../model/customers';
import { getOrganization, listDunningPlans, listMembers } from '../model/organization';
import { renderCustomerPage, renderHomePage, renderNotFoundPage } from '../page';

const PAGE_SIZE = 200;

export const pageRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const db = ctx.db;

    app.get<{ Querystring: { offset?: string } }>('/', async (request, reply) => {
      const offset = Math.max(0, Number.parseInt(request.query.offset ?? '0', 10) || 0);
      const org = getOrganization(db);
      const total = db.get<{ n: number }>('SELECT COUNT(*) AS n FROM customers')?.n ?? 0;
      const rows = db.all<CustomerRow>('SELECT * FROM customers ORDER BY seq LIMIT ? OFFSET ?', [PAGE_SIZE, offset]);
      const html = renderHomePage({
        organization: { name: org.name, sourceSystem: org.sourceSystem, apiKey: org.apiKey },
        apiBase: `${ctx.origin}/v1`,
        members: listMembers(db),
        plans: listDunningPlans(db),
        customers: renderCustomers(db, rows, ctx.origin),
        total,
        offset,
        limit: PAGE_SIZE,
        requests: ctx.stats.recent(50),
      });
      return reply.type('text/html; charset=utf-8').send(html);
    });

    app.get<{ Params: { id: string } }>('/app/customers/:id', async (request, reply) => {
      reply.type('text/html; charset=utf-8');
      const row = customerById(db, request.params.id);
      if (!row) return reply.code(404).send(renderNotFoundPage());
      const subsidiaries = db.all<{ id: string; name: string; external_id: string | null }>('SELECT id, name, external_id FROM customers WHERE parent_id = ? ORDER BY seq', [
        row.id,
      ]);
      return reply.send(
        renderCustomerPage({
          customer: renderCustomer(db, row.id, ctx.origin),
          subsidiaries: subsidiaries.map((s) => ({ id: s.id, name: s.name, externalId: s.external_id })),
          members: listMembers(db),
          plans: listDunningPlans(db),
        }),
      );
    });
  };

/** /v1/customers: list, import (upsert by externalId), read, update, delete, account managers. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { parseOr400 } from '../errors';
import { deleteCustomer, importCustomer, listCustomers, renderCustomer, requireCustomer, setAccountManagers, updateCustomer } from '../model/customers';
import { getOrganization } from '../model/organization';
import { accountManagersBodySchema, customerBodySchema, customerListQuerySchema } from '../schemas';
import { assertPositions } from '../positions';
import { errors } from '../errors';

type ById = { Params: { customerId: string } };

export const customerRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (api) => {
    const sourceSystem = () => getOrganization(ctx.db).sourceSystem;

    api.get('/customers', async (request) => {
      const query = parseOr400(customerListQuerySchema, request.query);
      return listCustomers(ctx.db, query, ctx.origin, ctx.readings);
    });

    api.post('/customers', async (request, reply) => {
      const body = parseOr400(customerBodySchema, request.body);
      assertPositions(body.contacts ?? [], ctx.readings, (i) => `contacts[${i}].position`);
      const { customer, created } = importCustomer(ctx.db, body, sourceSystem(), ctx.origin, ctx.readings);
      return reply.code(created ? ctx.readings.createdStatus : 200).send(customer);
    });

    // `customerId` is a customer id or `external:{externalId}` everywhere below.
    api.get<ById>('/customers/:customerId', async (request) => {
      const row = requireCustomer(ctx.db, request.params.customerId);
      return renderCustomer(ctx.db, row.id, ctx.origin, ctx.readings);
    });

    api.put<ById>('/customers/:customerId', async (request) => {
      if (!ctx.readings.putByExternal && request.params.customerId.startsWith('external:')) throw errors.routeNotFound('PUT', request.url.split('?')[0] ?? request.url);
      const body = parseOr400(customerBodySchema, request.body);
      assertPositions(body.contacts ?? [], ctx.readings, (i) => `contacts[${i}].position`);
      return updateCustomer(ctx.db, request.params.customerId, body, sourceSystem(), ctx.origin, ctx.readings);
    });

    // [inferred] DELETE answers 204 with no body.
    api.delete<ById>('/customers/:customerId', async (request, reply) => {
      deleteCustomer(ctx.db, request.params.customerId, sourceSystem());
      return reply.code(204).send();
    });

    // [inferred body] {"accountManagerIds": [...]} replaces the list; answers 200 with the customer.
    api.post<ById>('/customers/:customerId/account-managers', async (request) => {
      const body = parseOr400(accountManagersBodySchema, request.body);
      return setAccountManagers(ctx.db, request.params.customerId, body.accountManagerIds, sourceSystem(), ctx.origin, ctx.readings);
    });
  };

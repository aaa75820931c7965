/**
 * /v1/customers/{customerId}/contacts. [inferred] `customerId` may also be `external:{externalId}`
 * here, like on the customer routes.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { errors, parseOr400 } from '../errors';
import { createContact, deleteContact, findContact, listContacts, toContactOut, updateContact } from '../model/contacts';
import { DEFAULT_PAGE, requireCustomer, withTouch } from '../model/customers';
import { getOrganization } from '../model/organization';
import { assertAllowed } from '../model/rights';
import { contactBodySchema, contactPatchSchema, pageQuerySchema } from '../schemas';
import { assertPositions } from '../positions';
import { withExtras } from '../readings';

type ByCustomer = { Params: { customerId: string } };
type ByContact = { Params: { customerId: string; contactId: string } };

export const contactRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (api) => {
    const db = ctx.db;
    const mayChangeContacts = () => assertAllowed(getOrganization(db).sourceSystem, ['contacts']);

    // [inferred] paged like the other lists: {offset, limit, total, contacts}.
    api.get<ByCustomer>('/customers/:customerId/contacts', async (request) => {
      const query = parseOr400(pageQuerySchema, request.query);
      const customer = requireCustomer(db, request.params.customerId);
      const offset = query.offset ?? 0;
      const limit = Math.min(query.limit ?? DEFAULT_PAGE, ctx.readings.maxPage);
      const { total, rows } = listContacts(db, customer.id, offset, limit);
      return { offset, limit, total, contacts: rows.map((c) => withExtras(ctx.readings, toContactOut(c))) };
    });

    // [inferred] POST always creates (no upsert): an email already used, even by this customer, is a 409.
    api.post<ByCustomer>('/customers/:customerId/contacts', async (request, reply) => {
      const body = parseOr400(contactBodySchema, request.body);
      assertPositions([body], ctx.readings, () => 'position');
      const contact = db.write(() => {
        const customer = requireCustomer(db, request.params.customerId);
        mayChangeContacts();
        const { id: _id, ...fresh } = body;
        return withTouch(db, customer.id, () => createContact(db, customer.id, fresh, ctx.readings));
      });
      return reply.code(201).send(toContactOut(contact));
    });

    api.put<ByContact>('/customers/:customerId/contacts/:contactId', async (request) => {
      const patch = parseOr400(contactPatchSchema, request.body);
      assertPositions([patch], ctx.readings, () => 'position');
      const contact = db.write(() => {
        const customer = requireCustomer(db, request.params.customerId);
        const existing = findContact(db, customer.id, request.params.contactId);
        if (!existing) throw errors.contactNotFound();
        mayChangeContacts();
        return withTouch(db, customer.id, () => updateContact(db, existing, patch, ctx.readings));
      });
      return toContactOut(contact);
    });

    // [inferred] DELETE answers 204 with no body.
    api.delete<ByContact>('/customers/:customerId/contacts/:contactId', async (request, reply) => {
      db.write(() => {
        const customer = requireCustomer(db, request.params.customerId);
        const existing = findContact(db, customer.id, request.params.contactId);
        if (!existing) throw errors.contactNotFound();
        mayChangeContacts();
        withTouch(db, customer.id, () => deleteContact(db, existing));
      });
      return reply.code(204).send();
    });
  };

/**
 * A stand-in for a Slack incoming webhook, so the add-on's end-of-import message can be seen
 * offline: POST /slack/webhook records the message as Slack would receive it, GET
 * /_admin/slack lists them. Slack answers "ok" as plain text.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';

const messageSchema = z.object({ text: z.string().min(1) }).passthrough();

export interface SlackInbox {
  messages: Array<{ at: string; text: string }>;
}

export const slackRoutes =
  (inbox: SlackInbox): FastifyPluginAsync =>
  async (app) => {
    app.post('/slack/webhook', async (request, reply) => {
      const parsed = messageSchema.safeParse(request.body);
      if (!parsed.success) return reply.code(400).type('text/plain').send('invalid_payload');
      inbox.messages.push({ at: new Date().toISOString(), text: parsed.data.text });
      if (inbox.messages.length > 100) inbox.messages.shift();
      return reply.type('text/plain').send('ok');
    });
    app.get('/_admin/slack', async () => inbox.messages);
  };

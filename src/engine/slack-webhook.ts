/**
 * Slack's incoming webhooks (https://hooks.slack.com/services/…, the only Slack address the
 * manifest's urlFetchWhitelist lets through), or the local sandbox's stand-in for one. Zod-free:
 * the sidebar and the server (src/server/settings.ts) accept the same addresses.
 */
const SLACK_WEBHOOK = /^(https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/slack\/webhook)$/;

export const isSlackWebhook = (typed: string): boolean => SLACK_WEBHOOK.test(typed.trim());

/**
 * API errors: every error answer is JSON `{message, error}` where `error` is a CODE string
 * ([inferred shape]: the doc says bodies carry `message` and some clients read `error`).
 */
import type { z } from 'zod';
import type { ErrorBody } from './schemas';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): ErrorBody {
    return { message: this.message, error: this.code };
  }
}

// Messages quoted from the doc / brief are kept word for word.
export const errors = {
  unauthorized: () => new ApiError(401, 'UNAUTHORIZED', 'Invalid API credentials'),
  rateLimited: (retryAfterSeconds: number) => new ApiError(429, 'RATE_LIMITED', 'Too many requests', { 'retry-after': String(retryAfterSeconds) }),
  customerNotFound: () => new ApiError(404, 'CUSTOMER_NOT_FOUND', 'The customer was not found'),
  // [inferred] text and code of the contact 404, in the style of the customer one.
  contactNotFound: () => new ApiError(404, 'CONTACT_NOT_FOUND', 'The contact was not found'),
  parentNotFound: () => new ApiError(400, 'PARENT_NOT_FOUND', 'The parent customer was not found'),
  // [inferred] texts and codes of the two parent-shape errors (status 400, like the missing parent).
  parentIsSelf: () => new ApiError(400, 'PARENT_IS_SELF', 'A customer cannot be its own parent'),
  parentCycle: (parentName: string) => new ApiError(400, 'PARENT_CYCLE', `The parent ${parentName} is a subsidiary of this customer; a group cannot be its own descendant`),
  accountManagerNotFound: () => new ApiError(400, 'ACCOUNT_MANAGER_NOT_FOUND', 'Account manager not found; check the email'),
  dunningPlanNotFound: () => new ApiError(400, 'DUNNING_PLAN_NOT_FOUND', 'Dunning plan not found, check spelling'),
  contactEmailTaken: (email: string, customerName: string) =>
    new ApiError(409, 'CONTACT_EMAIL_TAKEN', `The email ${email} is already used by a contact of customer ${customerName}`),
  // [inferred] externalIds are unique per organisation (POST upserts by them), so a PUT giving a
  // customer the externalId of another one is a conflict.
  externalIdTaken: (externalId: string, customerName: string) =>
    new ApiError(409, 'CUSTOMER_EXTERNAL_ID_TAKEN', `The external ID ${externalId} is already used by customer ${customerName}`),
  // [inferred] deleting a group that still has subsidiaries is refused rather than detaching them silently.
  customerHasSubsidiaries: (count: number) => new ApiError(409, 'CUSTOMER_HAS_SUBSIDIARIES', `The customer is the parent of ${count} customer(s); change their parent first`),
  validation: (message: string) => new ApiError(400, 'VALIDATION_ERROR', message),
  routeNotFound: (method: string, path: string) => new ApiError(404, 'NOT_FOUND', `Route ${method} ${path} not found`),
  internal: () => new ApiError(500, 'INTERNAL_ERROR', 'Internal server error'),
  unavailable: () => new ApiError(503, 'SERVICE_UNAVAILABLE', 'Service unavailable'),
};

/** `contacts.0.email` → `contacts[0].email` */
function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = fieldPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => `unknown field ${where ? `${where}.` : ''}${k}`).join('; ');
    case 'invalid_type':
      if (issue.input === undefined) return `${where || 'body'} is required`;
      if (!where) return 'the body must be a JSON object';
      return `${where} must be ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `${where} must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    default:
      return `${where || 'body'} ${issue.message}`;
  }
}

/** A 400 whose message names the offending field(s), e.g. "Invalid request: contacts[0].email is required". */
export function validationError(error: z.ZodError): ApiError {
  const parts = error.issues.slice(0, 5).map(describeIssue);
  return errors.validation(`Invalid request: ${parts.join('; ')}`);
}

/** Parses `value` with `schema`, or throws a 400 naming the offending field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw validationError(result.error);
  return result.data;
}

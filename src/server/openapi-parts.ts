/**
 * The pieces the OpenAPI description is built from (openapi.ts for the checks, recovery-openapi.ts for the cases
 * and charges): schema references, the problem and JSON responses, the CSRF header, request bodies.
 */

/** A reference to a schema under components/schemas. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const nullableString = { type: ['string', 'null'] };

/** The page's two languages as a parameter or field. */
export const langEnum = { type: 'string', enum: ['ja', 'en'] };

/** An error answer: RFC 9457 problem details. */
export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

/** A JSON answer: `schema` is a schema, or the name of one under components/schemas. */
export const json = (description: string, schema: string | object) => ({
  description,
  content: { 'application/json': { schema: typeof schema === 'string' ? ref(schema) : schema } },
});

/** The answers every route can give. */
export const common = {
  '401': problem('no valid access token (servers not on loopback)'),
  '429': problem('rate limit reached; see Retry-After'),
};

/** The header every changing request from a browser carries. */
export const csrf = {
  name: 'X-CSRF-Token',
  in: 'header',
  required: false,
  description:
    'required on requests from a browser (with Origin or Sec-Fetch-Site): the csrfToken of GET /session',
  schema: { type: 'string' },
};

/** A required JSON request body. */
export const jsonRequest = (schema: object) => ({
  required: true,
  content: { 'application/json': { schema } },
});

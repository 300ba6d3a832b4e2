/** The OpenAPI 3.1 description served at /api/v1/openapi.json. */
import { SCHEMA_VERSION } from '../engine/report.js';
import { common, csrf, json, jsonRequest, nullableString, problem, ref } from './openapi-parts.js';
import { recoveryPaths, recoverySchemas } from './recovery-openapi.js';

const text = {
  type: 'object',
  required: ['ja', 'en'],
  properties: { ja: { type: 'string' }, en: { type: 'string' } },
};
const verdict = { type: 'string', enum: ['phishing', 'scam', 'suspicious', 'spam', 'no-threat-found'] };
const kind = { type: 'string', enum: ['email', 'text', 'url'] };

const schemas = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', format: 'uri-reference' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      instance: { type: 'string' },
    },
  },
  Text: text,
  Verdict: verdict,
  Finding: {
    type: 'object',
    required: ['rule', 'family', 'category', 'weight', 'evidence', 'message'],
    properties: {
      rule: { type: 'string' },
      family: { type: 'string', enum: ['brand', 'auth', 'sender', 'links', 'lure', 'content', 'indicator'] },
      category: { type: 'string', enum: ['phishing', 'scam', 'spam', 'trust'] },
      weight: { type: 'number' },
      evidence: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'value'],
          properties: { kind: { type: 'string' }, value: { type: 'string' }, where: { type: 'string' } },
        },
      },
      message: ref('Text'),
    },
  },
  LinkReport: {
    type: 'object',
    required: ['text', 'href', 'destination', 'host', 'registrableDomain', 'source', 'risks'],
    properties: {
      text: nullableString,
      href: { type: 'string' },
      destination: { type: 'string' },
      host: nullableString,
      registrableDomain: nullableString,
      source: { type: 'string' },
      risks: {
        type: 'array',
        items: {
          type: 'object',
          properties: { rule: { type: 'string' }, message: ref('Text') },
        },
      },
    },
  },
  Report: {
    type: 'object',
    description: `The engine's report (src/engine/report.ts, schemaVersion ${SCHEMA_VERSION}), the same as the CLI's --json`,
    required: ['schemaVersion', 'kind', 'verdict', 'score', 'brand', 'sender', 'findings', 'links', 'advice'],
    properties: {
      schemaVersion: { const: SCHEMA_VERSION },
      kind,
      verdict: ref('Verdict'),
      score: { type: 'integer', minimum: 0, maximum: 100 },
      brand: nullableString,
      genuine: { type: ['object', 'null'] },
      sender: {
        type: 'object',
        properties: {
          claimed: {
            type: 'object',
            properties: { name: nullableString, address: nullableString, brand: nullableString },
          },
          authenticatedDomain: nullableString,
          authenticatedBy: nullableString,
          summary: ref('Text'),
        },
      },
      subject: nullableString,
      findings: { type: 'array', items: ref('Finding') },
      links: { type: 'array', items: ref('LinkReport') },
      advice: { type: 'array', items: ref('Text') },
      problems: { type: 'array', items: ref('Text') },
      forwarded: { type: ['object', 'null'] },
      source: { type: 'object' },
    },
  },
  Feedback: {
    type: 'object',
    required: ['wrong', 'expected', 'comment', 'createdAt'],
    properties: {
      wrong: { type: 'boolean' },
      expected: { oneOf: [ref('Verdict'), { type: 'null' }] },
      comment: nullableString,
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
  SenderMark: {
    type: 'object',
    required: ['id', 'kind', 'value', 'list', 'createdAt'],
    properties: {
      id: { type: 'string' },
      kind: { type: 'string', enum: ['domain', 'address'] },
      value: { type: 'string' },
      list: { type: 'string', enum: ['trusted', 'blocked'] },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
  CheckRecord: {
    type: 'object',
    required: ['id', 'createdAt', 'kind', 'previewUrl', 'report', 'feedback', 'marks'],
    properties: {
      id: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
      kind,
      previewUrl: {
        type: 'string',
        description: 'the preview page, signed so an <iframe> (which cannot send a token) may load it',
      },
      report: ref('Report'),
      feedback: { oneOf: [ref('Feedback'), { type: 'null' }] },
      marks: {
        type: 'array',
        description: "the user's marks that apply to this report's sender address or domain, as they are now",
        items: ref('SenderMark'),
      },
    },
  },
  CheckSummary: {
    type: 'object',
    required: ['id', 'createdAt', 'kind', 'verdict', 'score', 'brand', 'subject', 'sender'],
    properties: {
      id: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
      kind,
      verdict: ref('Verdict'),
      score: { type: 'integer' },
      brand: nullableString,
      subject: nullableString,
      sender: nullableString,
    },
  },
  Session: {
    type: 'object',
    required: ['authRequired', 'user', 'csrfToken', 'retentionDays', 'storage', 'features'],
    properties: {
      authRequired: { type: 'boolean' },
      user: nullableString,
      csrfToken: { type: 'string' },
      retentionDays: { type: 'integer' },
      storage: { type: 'string', enum: ['embedded', 'postgres'] },
      features: { type: 'array', items: { type: 'string' } },
    },
  },
  Stats: {
    type: 'object',
    required: ['byDay', 'brands', 'lures'],
    properties: {
      byDay: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            day: { type: 'string', format: 'date' },
            verdict: ref('Verdict'),
            count: { type: 'integer' },
          },
        },
      },
      brands: {
        type: 'array',
        items: { type: 'object', properties: { brand: { type: 'string' }, count: { type: 'integer' } } },
      },
      lures: {
        type: 'array',
        items: { type: 'object', properties: { rule: { type: 'string' }, count: { type: 'integer' } } },
      },
    },
  },
};

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

export function openApiDocument(maxBodyBytes: number): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'sagicheck API',
      version: '1',
      description:
        'Checks an e-mail, SMS text or URL for phishing and scams and explains why. Errors are RFC 9457 problem details. ' +
        'On a server not bound to loopback every request needs Authorization: Bearer <token>, and each user sees only their own data.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{}, { bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { ...schemas, ...recoverySchemas },
    },
    paths: {
      '/session': {
        get: {
          summary: 'Whether a token is needed, the CSRF token for the page, retention and storage',
          responses: { '200': json('the session', 'Session'), ...common },
        },
      },
      '/check': {
        post: {
          summary: 'Check a message, SMS text or URL and store the result',
          parameters: [csrf],
          requestBody: {
            required: true,
            description: `at most ${maxBodyBytes} bytes`,
            content: {
              'message/rfc822': { schema: { type: 'string', format: 'binary' } },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file'],
                  properties: {
                    file: { type: 'string', format: 'binary', description: '.eml or Outlook .msg' },
                  },
                },
              },
              'application/json': {
                schema: {
                  oneOf: [
                    { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
                    { type: 'object', required: ['url'], properties: { url: { type: 'string' } } },
                  ],
                },
              },
            },
          },
          responses: {
            '201': {
              ...json('the stored check', 'CheckRecord'),
              headers: { Location: { schema: { type: 'string' }, description: '/api/v1/checks/{id}' } },
            },
            '400': problem('malformed body'),
            '403': problem('cross-site request refused (CSRF)'),
            '413': problem('body over the size limit'),
            '415': problem('unsupported Content-Type'),
            '422': problem('the input cannot be read as a message'),
            '503': problem('server busy or the check timed out'),
            ...common,
          },
        },
      },
      '/checks': {
        get: {
          summary: 'History, newest first',
          parameters: [
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            },
            {
              name: 'cursor',
              in: 'query',
              schema: { type: 'string' },
              description: 'nextCursor of the previous page',
            },
          ],
          responses: {
            '200': json('one page', {
              type: 'object',
              required: ['items', 'nextCursor'],
              properties: {
                items: { type: 'array', items: ref('CheckSummary') },
                nextCursor: nullableString,
              },
            }),
            '400': problem('bad limit or cursor'),
            ...common,
          },
        },
      },
      '/questions': {
        get: {
          summary:
            'Genuine account notices (orders, sign-ins, password changes) among the checks, newest first',
          description:
            'Proven genuine by a trusted receiver, so only the account owner can tell whether they did it; if not, the account may be taken over (start a recovery plan from the check).',
          responses: {
            '200': json('the notices', {
              type: 'object',
              required: ['items'],
              properties: {
                items: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'createdAt', 'subject', 'genuine'],
                    properties: {
                      id: { type: 'string' },
                      createdAt: { type: 'string', format: 'date-time' },
                      subject: nullableString,
                      genuine: { type: 'object', description: "the report's genuine field, with its notice" },
                    },
                  },
                },
              },
            }),
            ...common,
          },
        },
      },
      '/checks/{id}': {
        get: {
          summary: 'A past check',
          parameters: [idParam],
          responses: {
            '200': json('the check', 'CheckRecord'),
            '404': problem('not in your history'),
            ...common,
          },
        },
      },
      '/checks/{id}/preview': {
        get: {
          summary: 'The sanitised preview of the checked message (for a sandboxed iframe)',
          parameters: [idParam, { name: 'sig', in: 'query', schema: { type: 'string' } }],
          responses: {
            '200': { description: 'HTML document', content: { 'text/html': { schema: { type: 'string' } } } },
            '404': problem('not in your history'),
            ...common,
          },
        },
      },
      '/checks/{id}/feedback': {
        post: {
          summary: 'Say the verdict is wrong (or right)',
          parameters: [idParam, csrf],
          requestBody: jsonRequest({
            type: 'object',
            required: ['wrong'],
            properties: {
              wrong: { type: 'boolean' },
              expected: ref('Verdict'),
              comment: { type: 'string', maxLength: 4000 },
            },
          }),
          responses: {
            '200': json('stored', 'Feedback'),
            '400': problem('bad body'),
            '404': problem('not in your history'),
            ...common,
          },
        },
      },
      '/marks': {
        get: {
          summary: 'Your trusted and blocked senders',
          responses: {
            '200': json('marks', {
              type: 'object',
              properties: { items: { type: 'array', items: ref('SenderMark') } },
            }),
            ...common,
          },
        },
        post: {
          summary: 'Mark a sender address or domain as trusted or blocked (replaces an earlier mark of it)',
          parameters: [csrf],
          requestBody: jsonRequest({
            type: 'object',
            required: ['value', 'kind', 'list'],
            properties: {
              value: { type: 'string' },
              kind: { type: 'string', enum: ['domain', 'address'] },
              list: { type: 'string', enum: ['trusted', 'blocked'] },
            },
          }),
          responses: { '201': json('the mark', 'SenderMark'), '400': problem('bad body'), ...common },
        },
      },
      '/marks/{id}': {
        delete: {
          summary: 'Remove a mark',
          parameters: [idParam, csrf],
          responses: { '204': { description: 'removed' }, '404': problem('not in your list'), ...common },
        },
      },
      '/stats': {
        get: {
          summary: 'Dashboard figures: checks per day and verdict, brands impersonated, lures',
          parameters: [{ name: 'days', in: 'query', schema: { type: 'integer', minimum: 1, default: 30 } }],
          responses: { '200': json('figures', 'Stats'), ...common },
        },
      },
      ...recoveryPaths(maxBodyBytes),
      '/openapi.json': {
        get: {
          summary: 'This document',
          security: [{}],
          responses: { '200': { description: 'OpenAPI 3.1' } },
        },
      },
    },
  };
}

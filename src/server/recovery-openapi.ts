/**
 * The OpenAPI description of the recovery-plan, case and card-charge routes (cases-routes.ts, charges-routes.ts),
 * merged into the document of openapi.ts.
 */
import { CHANNELS, HAPPENED } from '../respond/types.js';
import { EXPORT_FORMATS } from './cases-routes.js';
import { common, csrf, json, jsonRequest, langEnum, nullableString, problem, ref } from './openapi-parts.js';

const text = ref('Text');
const caseId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9]{1,32}$' },
};
const notFound = problem('no such case among yours');
const EXPORTS = [...EXPORT_FORMATS];

export const recoverySchemas = {
  Answers: {
    type: 'object',
    description: 'What happened, as the recovery plan is built from (src/respond/types.ts Answers)',
    required: ['brand', 'channel', 'happened'],
    properties: {
      brand: {
        type: 'string',
        description: 'a brand id (amazon, rakuten, rakuten-card, smbc-card, apple …) or name',
      },
      channel: { type: 'string', enum: [...CHANNELS] },
      happened: { type: 'array', minItems: 1, items: { type: 'string', enum: [...HAPPENED] } },
      when: {
        type: 'string',
        description: 'ISO 8601 date-time (2026-05-08T10:00+09:00; no offset: Japan time); default now',
      },
      cards: {
        type: 'array',
        items: { type: 'string' },
        description: 'the cards involved (rakuten-card, smbc-card or a name)',
      },
    },
  },
  PlanStep: {
    type: 'object',
    required: ['id', 'n', 'playbook', 'phase', 'title', 'why', 'how', 'contacts', 'sources', 'unverified'],
    properties: {
      id: { type: 'string' },
      n: { type: 'integer' },
      playbook: { type: 'string' },
      phase: { type: 'string' },
      title: text,
      why: text,
      how: { type: 'array', items: text },
      expect: text,
      deadline: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['asap', 'by', 'not-before'] },
          at: { type: 'string' },
          after: { type: 'string' },
          label: text,
          remind: { type: 'string' },
        },
      },
      for: { type: 'array', items: { type: 'string' } },
      contacts: { type: 'array', items: { type: 'object' } },
      sources: { type: 'array', items: { type: 'string' } },
      unverified: { type: 'boolean' },
    },
  },
  Plan: {
    type: 'object',
    description:
      'A recovery plan (src/respond/types.ts Plan): the steps in order, with why, how, what to expect',
    required: ['schemaVersion', 'answers', 'playbooks', 'fallback', 'steps', 'sources'],
    properties: {
      schemaVersion: { const: 1 },
      answers: ref('Answers'),
      playbooks: { type: 'array', items: { type: 'string' } },
      fallback: { type: 'boolean' },
      steps: { type: 'array', items: ref('PlanStep') },
      sources: { type: 'array', items: { type: 'object' } },
    },
  },
  CaseSummary: {
    type: 'object',
    required: ['id', 'createdAt', 'title', 'brand', 'channel', 'happenedAt', 'steps', 'done', 'nextDue'],
    properties: {
      id: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
      title: { type: 'string' },
      brand: { type: 'string' },
      channel: { type: 'string' },
      happenedAt: { type: 'string', format: 'date-time' },
      steps: { type: 'integer' },
      done: { type: 'integer' },
      nextDue: {
        type: ['object', 'null'],
        properties: { stepId: { type: 'string' }, at: { type: 'string' } },
      },
    },
  },
  CaseStep: {
    type: 'object',
    required: ['stepId', 'position', 'status', 'doneAt', 'dueAt'],
    properties: {
      stepId: { type: 'string' },
      position: { type: 'integer' },
      status: { type: 'string', enum: ['todo', 'done', 'skipped'] },
      doneAt: nullableString,
      dueAt: nullableString,
    },
  },
  CaseNote: {
    type: 'object',
    required: ['id', 'createdAt', 'body'],
    properties: { id: { type: 'string' }, createdAt: { type: 'string' }, body: { type: 'string' } },
  },
  Evidence: {
    type: 'object',
    required: ['id', 'createdAt', 'filename', 'mediaType', 'size', 'sha256', 'stored'],
    properties: {
      id: { type: 'string' },
      createdAt: { type: 'string' },
      filename: { type: 'string' },
      mediaType: nullableString,
      size: { type: 'integer' },
      sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      stored: { type: 'boolean' },
      path: nullableString,
      note: nullableString,
    },
  },
  Case: {
    allOf: [
      ref('CaseSummary'),
      {
        type: 'object',
        required: ['lang', 'checkId', 'plan', 'stepStatus', 'notes', 'evidence', 'reminders', 'downloads'],
        properties: {
          updatedAt: { type: 'string' },
          lang: langEnum,
          checkId: nullableString,
          plan: ref('Plan'),
          stepStatus: { type: 'array', items: ref('CaseStep') },
          notes: { type: 'array', items: ref('CaseNote') },
          evidence: { type: 'array', items: ref('Evidence') },
          reminders: {
            type: 'array',
            description: 'open deadlines relative to now (src/respond/reminders.ts)',
            items: { type: 'object' },
          },
          downloads: {
            type: 'object',
            description:
              'signed addresses of the exports, valid 30 minutes, usable without a token (plain links)',
            properties: Object.fromEntries(EXPORTS.map((f) => [f, { type: 'string' }])),
          },
        },
      },
    ],
  },
  ChargeReason: {
    type: 'object',
    required: ['id', 'weight', 'evidence', 'message'],
    properties: {
      id: { type: 'string' },
      weight: { type: 'number' },
      evidence: { type: 'array', items: { type: 'object' } },
      message: text,
    },
  },
  Charge: {
    type: 'object',
    required: ['id', 'card', 'date', 'merchant', 'amount', 'score', 'flagged', 'reasons', 'known'],
    properties: {
      id: { type: 'string' },
      card: { type: 'string' },
      date: { type: 'string', format: 'date' },
      time: nullableString,
      merchant: nullableString,
      amount: { type: 'integer', description: 'yen; negative for a refund' },
      currency: nullableString,
      originalAmount: { type: ['number', 'null'] },
      score: { type: 'integer' },
      flagged: { type: 'boolean' },
      reasons: { type: 'array', items: ref('ChargeReason') },
      known: { type: 'boolean', description: 'the user marked this merchant as theirs on this card' },
    },
  },
};

export function recoveryPaths(maxBodyBytes: number): Record<string, object> {
  return {
    '/plans': {
      post: {
        summary: 'A recovery plan for what happened (not stored)',
        parameters: [csrf],
        requestBody: jsonRequest(ref('Answers')),
        responses: {
          '200': json('the plan', ref('Plan')),
          '400': problem('answers that make no plan'),
          ...common,
        },
      },
    },
    '/cases': {
      get: {
        summary: 'Your recovery cases, newest first',
        responses: {
          '200': json('the cases', {
            type: 'object',
            properties: { items: { type: 'array', items: ref('CaseSummary') } },
          }),
          ...common,
        },
      },
      post: {
        summary:
          'Save a plan as a case; with checkId (a mail check of yours) the checked mail becomes its first evidence',
        parameters: [csrf],
        requestBody: jsonRequest({
          type: 'object',
          required: ['answers'],
          properties: {
            answers: ref('Answers'),
            title: { type: 'string', maxLength: 200 },
            lang: langEnum,
            checkId: { type: 'string' },
          },
        }),
        responses: {
          '201': {
            ...json('the case', ref('Case')),
            headers: { Location: { schema: { type: 'string' }, description: '/api/v1/cases/{id}' } },
          },
          '400': problem('answers that make no plan'),
          '404': problem('no such check'),
          ...common,
        },
      },
    },
    '/cases/{id}': {
      get: {
        summary:
          'A case: its plan, the status of each step, notes, evidence, reminders and download addresses',
        parameters: [caseId],
        responses: { '200': json('the case', ref('Case')), '404': notFound, ...common },
      },
      delete: {
        summary: 'Delete a case with its steps, notes and evidence',
        parameters: [caseId, csrf],
        responses: { '204': { description: 'deleted' }, '404': notFound, ...common },
      },
    },
    '/cases/{id}/steps/{step}': {
      post: {
        summary: 'Tick a step off (or undo it)',
        parameters: [
          caseId,
          {
            name: 'step',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: 'step id or number',
          },
          csrf,
        ],
        requestBody: jsonRequest({
          type: 'object',
          properties: {
            done: { type: 'boolean' },
            status: { type: 'string', enum: ['done', 'todo', 'skipped'] },
          },
        }),
        responses: {
          '200': json('the step', ref('CaseStep')),
          '400': problem('bad body'),
          '404': notFound,
          ...common,
        },
      },
    },
    '/cases/{id}/notes': {
      post: {
        summary: 'Add a note (a call made, a reference number)',
        parameters: [caseId, csrf],
        requestBody: jsonRequest({
          type: 'object',
          required: ['body'],
          properties: { body: { type: 'string', maxLength: 4000 } },
        }),
        responses: {
          '201': json('the note', ref('CaseNote')),
          '400': problem('bad body'),
          '404': notFound,
          ...common,
        },
      },
    },
    '/cases/{id}/evidence': {
      post: {
        summary: 'Keep a file as evidence, with its SHA-256',
        parameters: [caseId, csrf],
        requestBody: {
          required: true,
          description: `at most ${maxBodyBytes} bytes`,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: { file: { type: 'string', format: 'binary' }, note: { type: 'string' } },
              },
            },
          },
        },
        responses: {
          '201': json('the evidence', ref('Evidence')),
          '400': problem('no file'),
          '404': notFound,
          '413': problem('file too large'),
          ...common,
        },
      },
    },
    '/cases/{id}/evidence/{evidence}': {
      get: {
        summary: 'The stored bytes of a piece of evidence',
        parameters: [caseId, { name: 'evidence', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'the file' }, '404': notFound, ...common },
      },
    },
    '/cases/{id}/export': {
      get: {
        summary:
          'Export: ics (deadlines with alarms), html (printable incident summary), pdf (the same, Japanese font embedded), eml (abuse report to the brand or フィッシング対策協議会 with the original attached), arf (RFC 5965)',
        parameters: [
          caseId,
          { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: EXPORTS } },
          { name: 'lang', in: 'query', schema: langEnum },
          {
            name: 'to',
            in: 'query',
            schema: { type: 'string' },
            description: 'eml/arf: recipient id (default the first)',
          },
          { name: 'from', in: 'query', schema: { type: 'string' }, description: 'eml/arf: your address' },
        ],
        responses: {
          '200': {
            description: 'the file',
            content: {
              'text/calendar': {},
              'text/html': {},
              'application/pdf': {},
              'message/rfc822': {},
            },
          },
          '400': problem('unknown format'),
          '404': notFound,
          '409': problem('eml/arf: the case holds no stored mail'),
          ...common,
        },
      },
    },
    '/cases/{id}/download': {
      get: {
        summary: 'The same as /export through a signed address from the case (downloads), no token needed',
        security: [{}],
        parameters: [
          caseId,
          { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: EXPORTS } },
          { name: 'u', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'exp', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'sig', in: 'query', required: true, schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'the file' }, '401': problem('expired or not valid') },
      },
    },
    '/charges': {
      get: {
        summary: 'Your stored card charges, oldest first, flagged ones with their reasons (for the chart)',
        parameters: [
          { name: 'card', in: 'query', schema: { type: 'string' } },
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
        ],
        responses: {
          '200': json('cards and charges', {
            type: 'object',
            properties: {
              cards: { type: 'array', items: { type: 'string' } },
              items: { type: 'array', items: ref('Charge') },
            },
          }),
          '400': problem('bad parameter'),
          ...common,
        },
      },
    },
    '/charges/import': {
      post: {
        summary: 'Import a card statement CSV (Shift_JIS or UTF-8) and flag its charges',
        parameters: [csrf],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: {
                  file: { type: 'string', format: 'binary' },
                  format: {
                    type: 'string',
                    enum: ['rakuten', 'smbc', 'generic'],
                    description: 'default: detected',
                  },
                  card: { type: 'string', description: 'card name (required for generic)' },
                  map: {
                    type: 'string',
                    description: 'generic: date=0,merchant=1,amount=2 (remembered per card)',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': json('the import', { type: 'object' }),
          '400': problem('bad form'),
          '422': problem('not a statement'),
          ...common,
        },
      },
    },
    '/charges/known': {
      post: {
        summary: 'Mark a merchant as yours on a card',
        parameters: [csrf],
        requestBody: jsonRequest({
          type: 'object',
          required: ['card', 'merchant'],
          properties: { card: { type: 'string' }, merchant: { type: 'string' } },
        }),
        responses: { '201': { description: 'marked' }, '200': { description: 'already known' }, ...common },
      },
    },
    '/charges/{id}/case': {
      post: {
        summary: 'A charge opens a recovery case (unknown charges) or joins one (caseId), as its evidence',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, csrf],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { caseId: { type: 'string' }, lang: langEnum },
              },
            },
          },
        },
        responses: {
          '201': json('a case opened', { type: 'object' }),
          '200': json('joined the case', { type: 'object' }),
          '404': problem('no such charge or case'),
          ...common,
        },
      },
    },
  };
}

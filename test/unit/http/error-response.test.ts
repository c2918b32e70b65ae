import { describe, expect, it } from 'vitest';
import { conflict, invalidFilter, notFound, RosterError, unauthorized } from '../../../shared/errors.js';
import { SCIM_CONTENT_TYPE } from '../../../shared/http/content-types.js';
import { errorResponse } from '../../../shared/http/error-response.js';
import type { ApiKind } from '../../../shared/http/types.js';
import { ERROR } from '../../../shared/scim/schema/urns.js';

const respond = (api: ApiKind, error: RosterError) => {
  const result = errorResponse(api, error, 'req-1');
  return { ...result, json: JSON.parse(result.body as string) as Record<string, unknown> };
};

describe('errorResponse on SCIM routes', () => {
  it.each([
    ['a 404', notFound('User u-9 not found.'), 404, { schemas: [ERROR], status: '404', detail: 'User u-9 not found.' }],
    ['a uniqueness conflict', conflict('userName already in use.'), 409, { schemas: [ERROR], status: '409', scimType: 'uniqueness', detail: 'userName already in use.' }],
    ['a bad filter', invalidFilter('Bad filter.'), 400, { schemas: [ERROR], status: '400', scimType: 'invalidFilter', detail: 'Bad filter.' }],
    ['an unknown failure', new RosterError(500, 'An unexpected error occurred.'), 500, { schemas: [ERROR], status: '500', detail: 'An unexpected error occurred. Request id: req-1.' }],
  ])('%s: status as a string, scimType when known', (_label, error, statusCode, body) => {
    const response = respond('scim', error);
    expect(response.statusCode).toBe(statusCode);
    expect(response.json).toEqual(body);
    expect(response.headers?.['content-type']).toBe(SCIM_CONTENT_TYPE);
  });

  it('never leaks admin details or the cause', () => {
    const error = new RosterError(400, 'Bad.', { details: { unknownIds: ['u-1'] }, code: 'bad', cause: new Error('stack secret') });
    const { body } = errorResponse('scim', error, 'req-1');
    expect(body).not.toMatch(/unknownIds|stack secret|"code"/);
  });

  it('always has a non-empty detail', () => {
    expect(respond('scim', new RosterError(404, '')).json.detail).toBe('The request failed.');
  });

  it('keeps unicode and quotes in the detail as valid JSON', () => {
    expect(respond('scim', notFound('Group "Ventes — Île" 👀 not found.')).json.detail).toBe('Group "Ventes — Île" 👀 not found.');
  });
});

describe('errorResponse on admin routes', () => {
  it('answers {"error": {code, message, details, requestId}}', () => {
    const response = respond('admin', new RosterError(400, 'Unknown members.', { details: { unknownIds: ['u-1'] } }));
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json).toEqual({ error: { code: 'bad_request', message: 'Unknown members.', details: { unknownIds: ['u-1'] }, requestId: 'req-1' } });
  });

  it('omits details when there are none, and keeps a custom code', () => {
    expect(respond('admin', new RosterError(409, 'Seat taken.', { code: 'seat_taken' })).json).toEqual({
      error: { code: 'seat_taken', message: 'Seat taken.', requestId: 'req-1' },
    });
  });
});

describe('errorResponse headers', () => {
  it.each<ApiKind>(['scim', 'admin'])('%s: a 401 challenges for a bearer token', (api) => {
    const response = respond(api, unauthorized());
    expect(response.headers?.['www-authenticate']).toBe('Bearer realm="roster"');
    if (api === 'scim') expect(response.json.status).toBe('401');
  });

  it.each([[403], [404], [429], [500]])('%d has no challenge', (status) => {
    expect(respond('scim', new RosterError(status, 'x')).headers).not.toHaveProperty('www-authenticate');
  });

  it.each<ApiKind>(['scim', 'admin'])('%s: passes Retry-After and other error headers through', (api) => {
    const response = respond(api, new RosterError(429, 'Slow down.', { headers: { 'retry-after': '2' } }));
    expect(response.statusCode).toBe(429);
    expect(response.headers?.['retry-after']).toBe('2');
  });
});

import { httpHandler } from '../../shared/http/handler.js';
import { findById, resourceTypes, schemaResources } from '../../shared/scim/discovery.js';
import { listResponse } from '../../shared/scim/list-response.js';
import { serviceProviderConfig } from '../../shared/scim/service-provider-config.js';

const list = (resources: unknown[]) => ({ status: 200, body: listResponse(resources, resources.length, 1) });

export const handler = httpHandler('scim-discovery', 'scim', {
  'GET /scim/v2/ServiceProviderConfig': async (request) => ({ status: 200, body: serviceProviderConfig(request.baseUrl) }),
  'GET /scim/v2/ResourceTypes': async (request) => list(resourceTypes(request.baseUrl)),
  'GET /scim/v2/ResourceTypes/{id}': async (request) => ({
    status: 200,
    body: findById(resourceTypes(request.baseUrl), request.pathParameters.id!, 'ResourceType'),
  }),
  'GET /scim/v2/Schemas': async (request) => list(schemaResources(request.baseUrl)),
  'GET /scim/v2/Schemas/{id}': async (request) => ({
    status: 200,
    body: findById(schemaResources(request.baseUrl), request.pathParameters.id!, 'Schema'),
  }),
});

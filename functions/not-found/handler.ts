import { unknownRouteHandler } from '../../shared/http/unknown-route.js';

export const handler = unknownRouteHandler();

import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey, LogGroupLogDestination, PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { UNKNOWN_ROUTE_FUNCTION, routes } from '../../shared/routes.js';
import type { CustomDomainSettings } from '../context.js';
import { ApiDomain } from './api-domain.js';
import type { RosterFunctions } from './functions.js';

export interface RosterApiProps {
  functions: RosterFunctions;
  throttle: { rateLimit: number; burstLimit: number };
  logRetention: RetentionDays;
  customDomain?: CustomDomainSettings;
}

// One JSON line per request; $context holds no header values, so no token reaches the logs.
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/** The HTTP API: one route per entry of the route table, each bound to its function. */
export class RosterApi extends Construct {
  readonly httpApi: HttpApi;
  /** Base URL of the API (the custom domain, else the $default stage's endpoint), without a trailing slash. */
  readonly url: string;
  readonly domain?: ApiDomain;

  constructor(scope: Construct, id: string, { functions, throttle, logRetention, customDomain }: RosterApiProps) {
    super(scope, id);
    // No CORS: SCIM clients and Okta's token calls are servers; the consent page is same-origin.
    this.httpApi = new HttpApi(this, 'HttpApi', { description: 'Roster SCIM 2.0 API', createDefaultStage: false });
    this.domain = customDomain && new ApiDomain(this, 'Domain', customDomain);
    // Stage throttling is a safety net against floods, not a way to pace Okta: HTTP APIs answer it
    // with their own bare 429 (no Retry-After, no SCIM body) and cannot customise it
    // (docs/deploy.md, "Known limitations").
    this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle,
      domainMapping: this.domain && { domainName: this.domain.domainName },
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs', { retention: logRetention })),
        format: accessLogFormat,
      },
    });

    // Routes have no API Gateway authorizer on purpose: a Lambda authorizer can only deny with
    // API Gateway's own body, while SCIM requires an Error JSON body on 401. Each function
    // authenticates the bearer token itself in the shared middy stack (shared/http).
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Every route authenticates in its function (shared/auth/authenticate.ts via shared/http): an HTTP API authorizer ' +
        'cannot answer 401 with the SCIM Error JSON body RFC 7644 requires. OAuth routes authenticate the client themselves.',
    });

    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationFor = (functionName: string): HttpLambdaIntegration => {
      let integration = integrations.get(functionName);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${functionName}-integration`, functions.get(functionName), {
          payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
        });
        integrations.set(functionName, integration);
      }
      return integration;
    };
    for (const route of routes) {
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationFor(route.function),
      });
    }
    // Without it API Gateway answers an unknown path with its own bare {"message":"Not Found"}.
    new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: integrationFor(UNKNOWN_ROUTE_FUNCTION),
    });

    this.url = this.domain?.url ?? this.httpApi.apiEndpoint;
  }
}

import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, LogGroupLogDestination, PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routes, SCIM_PREFIX } from '../../shared/routes.js';
import type { RosterFunctions } from './functions.js';

export interface RosterApiProps {
  functions: RosterFunctions;
  throttle: { rateLimit: number; burstLimit: number };
  logRetention: RetentionDays;
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
  /** Base URL of the API (the $default stage), without a trailing slash. */
  readonly url: string;
  readonly scimBaseUrl: string;

  constructor(scope: Construct, id: string, { functions, throttle, logRetention }: RosterApiProps) {
    super(scope, id);
    // No CORS: SCIM clients are servers, not browsers.
    this.httpApi = new HttpApi(this, 'HttpApi', { description: 'Roster SCIM 2.0 API', createDefaultStage: false });
    this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs', { retention: logRetention })),
        format: accessLogFormat,
      },
    });

    // Routes have no API Gateway authorizer on purpose: a Lambda authorizer can only deny with
    // API Gateway's own body, while SCIM requires an Error JSON body on 401. Each function
    // authenticates the bearer token itself in the shared middy stack (shared/http).
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

    this.url = this.httpApi.apiEndpoint;
    this.scimBaseUrl = `${this.url}${SCIM_PREFIX}`;
  }
}

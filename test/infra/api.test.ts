import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN_ROUTE_FUNCTION, routes } from '../../shared/routes.js';
import { certificateArn } from './example-context.js';
import { functionId, onlyResource, synthRoster } from './synth.js';

let template: Template;
beforeAll(() => {
  template = synthRoster();
});

const routeResource = (route: (typeof routes)[number]) =>
  onlyResource(template, 'AWS::ApiGatewayV2::Route', { RouteKey: `${route.method} ${route.path}` })[1];

describe('api', () => {
  it('is an HTTP API with one route per entry of the route table, without an API Gateway authorizer', () => {
    onlyResource(template, 'AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length + 1); // + $default
    for (const route of routes) {
      const resource = routeResource(route);
      expect(resource.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
      expect(resource.Properties.AuthorizerId).toBeUndefined();
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    template.resourceCountIs('AWS::ApiGateway::RestApi', 0);
  });

  it('sends what no route matches ($default) to the not-found function, not to API Gateway\'s bare 404', () => {
    const [, route] = onlyResource(template, 'AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    expect(route.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
    const integrationId: string = route.Properties.Target['Fn::Join'][1][1].Ref;
    expect(template.toJSON().Resources[integrationId].Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [functionId(template, UNKNOWN_ROUTE_FUNCTION), 'Arn'] },
    });
  });

  it('binds every route to its own function with payload format 2.0', () => {
    for (const route of routes) {
      const integrationId: string = routeResource(route).Properties.Target['Fn::Join'][1][1].Ref;
      expect(template.toJSON().Resources[integrationId].Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [functionId(template, route.function), 'Arn'] },
      });
    }
    const httpFunctions = new Set([...routes.map((route) => route.function), UNKNOWN_ROUTE_FUNCTION]);
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', httpFunctions.size);
  });

  it('throttles the $default stage with the context’s rate and burst, and access-logs it as JSON', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    synthRoster({ throttleRate: '20', throttleBurst: '40' }).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });

    const [, stage] = onlyResource(template, 'AWS::ApiGatewayV2::Stage');
    const [logGroupId] = stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'];
    expect(template.toJSON().Resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    // No header values (Authorization carries the bearer token) in the access log.
    expect(stage.Properties.AccessLogSettings.Format).not.toMatch(/header|authorizer/i);
  });

  it('has CORS off', () => {
    const [, api] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
    expect(api.Properties.CorsConfiguration).toBeUndefined();
    expect(routes.some((route) => (route.method as string) === 'OPTIONS')).toBe(false);
  });

  it('has no custom domain unless domainName and certificateArn are given', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 0);
  });

  it('serves the $default stage on the custom domain, over TLS 1.2, and bases every URL output on it', () => {
    const withDomain = synthRoster({ domainName: 'scim.example.com', certificateArn });
    const [domainId] = onlyResource(withDomain, 'AWS::ApiGatewayV2::DomainName', {
      DomainName: 'scim.example.com',
      DomainNameConfigurations: [Match.objectLike({ CertificateArn: certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' })],
    });
    withDomain.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      DomainName: { Ref: domainId },
      Stage: Match.anyValue(),
    });
    const outputs = withDomain.toJSON().Outputs;
    expect(outputs.ApiUrl.Value).toBe('https://scim.example.com');
    expect(outputs.ScimBaseUrl.Value).toBe('https://scim.example.com/scim/v2');
    expect(outputs.CustomDomainTarget.Value).toEqual({ 'Fn::GetAtt': [domainId, 'RegionalDomainName'] });
    expect(outputs.CustomDomainHostedZoneId.Value).toEqual({ 'Fn::GetAtt': [domainId, 'RegionalHostedZoneId'] });
  });
});

import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { DomainName, SecurityPolicy } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import type { CustomDomainSettings } from '../context.js';

/**
 * The API's own domain: a regional API Gateway domain name on an existing ACM certificate. DNS
 * stays with the platform engineer: a CNAME (or alias) to `targetDomainName`.
 */
export class ApiDomain extends Construct {
  readonly domainName: DomainName;
  readonly url: string;

  constructor(scope: Construct, id: string, { domainName, certificateArn }: CustomDomainSettings) {
    super(scope, id);
    this.domainName = new DomainName(this, 'DomainName', {
      domainName,
      certificate: Certificate.fromCertificateArn(this, 'Certificate', certificateArn),
      securityPolicy: SecurityPolicy.TLS_1_2,
    });
    this.url = `https://${domainName}`;
  }
}

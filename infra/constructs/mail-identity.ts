import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { MailSettings } from '../context.js';

/** The SES identity Roster sends as, when the stack is asked to create it (createSesIdentity). */
export class MailIdentity extends Construct {
  constructor(scope: Construct, id: string, mail: MailSettings) {
    super(scope, id);
    // Easy DKIM by default: the identity verifies once its three CNAME records are in DNS.
    new EmailIdentity(this, 'Identity', {
      identity: mail.identityKind === 'domain' ? Identity.domain(mail.identity) : Identity.email(mail.identity),
    });
  }
}

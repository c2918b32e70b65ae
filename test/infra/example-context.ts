/** Context values of the tests: the required keys, and every option of the stack switched on. */
export const baseContext = { mailFrom: 'no-reply@example.com', productUrl: 'https://app.example.com' };

export const certificateArn = 'arn:aws:acm:eu-west-1:123456789012:certificate/0f2b4c6d-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

/** Every optional resource on: a created SES domain identity, an alarm subscription, a custom domain. */
export const everythingOn = {
  stage: 'prod',
  mailFrom: 'roster.acme.test',
  productUrl: 'https://app.acme.test',
  createSesIdentity: 'true',
  alarmEmail: 'oncall@acme.test',
  domainName: 'scim.acme.test',
  certificateArn,
};

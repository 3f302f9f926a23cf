import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { afterAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '#shared/events/api-routes.ts';
import { createHttpApi, type PrecisHttpApiProps } from '../../infra/http-api.ts';
import { createTestApp, logicalId, type Resource } from './synth.ts';

const disposals: Array<() => void> = [];
afterAll(() => {
  for (const dispose of disposals.splice(0)) dispose();
});

/** The API alone, in a stack of its own, in front of a stand-in for the api function. */
function synthApi(props: Partial<Omit<PrecisHttpApiProps, 'apiFunction'>> = {}) {
  const { app, dispose } = createTestApp();
  disposals.push(dispose);
  const stack = new Stack(app, 'Api', { env: { region: 'us-east-1' } });
  const apiFunction = new LambdaFunction(stack, 'ApiFunction', {
    runtime: Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: Code.fromInline('exports.handler = async () => ({});'),
  });
  createHttpApi(stack, {
    apiFunction,
    corsAllowOrigins: [],
    logRetention: RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.RETAIN,
    ...props,
  });
  return { stack, template: Template.fromStack(stack) };
}

/** Each route's key and authorisation type. */
const authorisationOf = (template: Template): Record<string, unknown> =>
  Object.fromEntries(
    (Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Resource[]).map((r) => [
      r.Properties.RouteKey,
      r.Properties.AuthorizationType,
    ]),
  );

describe('createHttpApi', () => {
  const { stack, template } = synthApi();

  it('declares every route of the table plus $default, all IAM-authorised but GET /health', () => {
    const authorisation = authorisationOf(template);

    expect(Object.keys(authorisation).sort()).toEqual([...API_ROUTES, '$default'].sort());
    expect(authorisation).toEqual({
      ...Object.fromEntries([...API_ROUTES, '$default'].map((key) => [key, 'AWS_IAM'])),
      'GET /health': 'NONE',
    });
  });

  it('has no CORS and no JWT authorizer by default', () => {
    const api = Object.values(template.findResources('AWS::ApiGatewayV2::Api')) as Resource[];

    expect(api.map((r) => r.Properties.CorsConfiguration)).toEqual([undefined]);
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
  });

  it('answers CORS for the origins of corsAllowOrigins, and authorises with JWTs under jwtAuthorizer', () => {
    const issuer = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_example';

    const configured = synthApi({
      corsAllowOrigins: ['https://app.example.com'],
      jwtAuthorizer: { issuer, audience: ['client-1'] },
    }).template;

    configured.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['https://app.example.com'],
        AllowMethods: ['GET', 'POST', 'DELETE'],
        ExposeHeaders: ['Location', 'Retry-After', 'Allow'],
      },
    });
    configured.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: issuer, Audience: ['client-1'] },
    });
    expect(authorisationOf(configured)).toEqual({
      ...Object.fromEntries([...API_ROUTES, '$default'].map((key) => [key, 'JWT'])),
      'GET /health': 'NONE',
    });
  });

  it.each([
    ['an http issuer', { issuer: 'http://issuer.example', audience: ['a'] }],
    ['no audience', { issuer: 'https://issuer.example', audience: [] }],
  ])('refuses a JWT authorizer with %s', (_what, jwtAuthorizer) => {
    expect(() => synthApi({ jwtAuthorizer })).toThrow(RangeError);
  });

  it('throttles the default stage and writes JSON access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [logicalId(stack, 'ApiAccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
  });

  it('integrates every route with the api function using payload format 2.0', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalId(stack, 'ApiFunction'), 'Arn'] },
    });
  });
});

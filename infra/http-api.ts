import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  type HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { API_ROUTES, PUBLIC_ROUTES, splitRoute } from '#shared/events/api-routes.ts';

/**
 * The HTTP API in front of the api function: every route of API_ROUTES plus `$default`, IAM (SigV4) on every
 * route but the public ones, or JWTs when configured; CORS when origins are named; throttled, with JSON access
 * logs. Created in the stack's own scope, so its construct ids, and the template's logical ids, are the stack's.
 */

/** Requests per second across the API, and the burst above it. */
const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/** What a browser may send and read when CORS is on. */
const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'X-Amz-Date', 'X-Amz-Security-Token'];
const CORS_EXPOSE_HEADERS = ['Location', 'Retry-After', 'Allow'];
const CORS_MAX_AGE = Duration.hours(1);

/** An OIDC issuer whose JWTs authorise API calls instead of IAM (the stack prop `jwtAuthorizer`). */
export interface JwtAuthorizerProps {
  /** The issuer URL, e.g. `https://cognito-idp.<region>.amazonaws.com/<user pool id>`. */
  readonly issuer: string;
  /** Accepted `aud` values (for Cognito, the app client ids). */
  readonly audience: readonly string[];
}

export interface PrecisHttpApiProps {
  /** The function every route integrates with (payload format 2.0). */
  readonly apiFunction: IFunction;
  /** Browser origins allowed to call the API; none turns CORS off. */
  readonly corsAllowOrigins: readonly string[];
  /** @default - IAM authorisation on every route */
  readonly jwtAuthorizer?: JwtAuthorizerProps;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

export interface PrecisHttpApi {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The routes that need no authorisation (PUBLIC_ROUTES), for cdk-nag's acknowledgements. */
  readonly publicRoutes: readonly HttpRoute[];
}

function apiAuthorizer(jwt: JwtAuthorizerProps | undefined): IHttpRouteAuthorizer {
  if (jwt === undefined) return new HttpIamAuthorizer();
  if (!/^https:\/\//.test(jwt.issuer) || jwt.audience.length === 0) {
    throw new RangeError('jwtAuthorizer needs an https issuer URL and at least one audience');
  }
  return new HttpJwtAuthorizer('JwtAuthorizer', jwt.issuer, { jwtAudience: [...jwt.audience] });
}

/** The API, its default stage with access logs, and its routes, in `scope`. */
export function createHttpApi(scope: Construct, props: PrecisHttpApiProps): PrecisHttpApi {
  const { corsAllowOrigins } = props;
  const api = new HttpApi(scope, 'HttpApi', {
    description: 'precis: submit articles and read their Results',
    defaultAuthorizer: apiAuthorizer(props.jwtAuthorizer),
    createDefaultStage: false,
    ...(corsAllowOrigins.length === 0
      ? {}
      : {
          corsPreflight: {
            allowOrigins: [...corsAllowOrigins],
            allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.DELETE],
            allowHeaders: CORS_ALLOW_HEADERS,
            exposeHeaders: CORS_EXPOSE_HEADERS,
            maxAge: CORS_MAX_AGE,
          },
        }),
  });
  const apiAccessLogs = new LogGroup(scope, 'ApiAccessLogs', {
    retention: props.logRetention,
    removalPolicy: props.removalPolicy,
  });
  const stage = api.addStage('DefaultStage', {
    stageName: '$default',
    autoDeploy: true,
    throttle: API_THROTTLE,
    accessLogSettings: {
      destination: new LogGroupLogDestination(apiAccessLogs),
      format: accessLogFormat(),
    },
  });
  const integration = new HttpLambdaIntegration('ApiIntegration', props.apiFunction);
  const publicRoutes: HttpRoute[] = [];
  for (const route of API_ROUTES) {
    const { method, path } = splitRoute(route);
    const isPublic = PUBLIC_ROUTES.includes(route);
    const added = api.addRoutes({
      path,
      methods: [method as HttpMethod],
      integration,
      ...(isPublic ? { authorizer: new HttpNoneAuthorizer() } : {}),
    });
    if (isPublic) publicRoutes.push(...added);
  }
  // Whatever no route fits reaches the function too, which answers 404 or 405 (with Allow) as problem+json
  // instead of API Gateway's bare {"message":"Not Found"}.
  new HttpRoute(scope, 'DefaultRoute', { httpApi: api, routeKey: HttpRouteKey.DEFAULT, integration });
  return { api, stage, publicRoutes };
}

/** One JSON object per request, with the caller's IAM identity. */
function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: AccessLogField.contextRequestId(),
      requestTime: AccessLogField.contextRequestTime(),
      ip: AccessLogField.contextIdentitySourceIp(),
      caller: AccessLogField.contextIdentityUserArn(),
      routeKey: AccessLogField.contextRouteKey(),
      path: AccessLogField.contextPath(),
      status: AccessLogField.contextStatus(),
      responseLength: AccessLogField.contextResponseLength(),
      responseLatency: AccessLogField.contextResponseLatency(),
      integrationError: AccessLogField.contextIntegrationErrorMessage(),
    }),
  );
}

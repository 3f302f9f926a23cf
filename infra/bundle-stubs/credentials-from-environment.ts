import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for the SDK's default credential chain (`@aws-sdk/credential-provider-node`) in the function
 * bundles (infra/bundling.ts). In Lambda the runtime puts the function role's credentials in the environment
 * (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), the chain's first link, and this
 * reads them the same way. The chain's other links (SSO, shared ini files, credential processes, web
 * identity, container and instance metadata, with the STS and SSO clients they bring) are code every cold
 * start compiled and none ever ran: 120 KB of the process bundle. The SDK clients import only
 * `defaultProvider`.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);

import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PrecisStack } from './precis-stack.ts';

/** Offline synth needs a region and no lookups; the account stays unresolved until deploy. */
const FALLBACK_REGION = 'us-east-1';

const app = new App();
new PrecisStack(app, 'Precis', {
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION ?? FALLBACK_REGION,
  },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PrecisStack } from './precis-stack.ts';

/** Offline synth needs a region and no lookups; the account stays unresolved until deploy. */
const FALLBACK_REGION = 'us-east-1';

const app = new App();
/** `npx cdk deploy -c alarmEmail=oncall@example.com` subscribes that address to the alarm topic. */
const alarmEmail: unknown = app.node.tryGetContext('alarmEmail');
if (alarmEmail !== undefined && (typeof alarmEmail !== 'string' || !alarmEmail.includes('@'))) {
  throw new Error(`alarmEmail must be an email address, got ${JSON.stringify(alarmEmail)}`);
}
new PrecisStack(app, 'Precis', {
  ...(alarmEmail === undefined ? {} : { alarmEmail }),
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION ?? FALLBACK_REGION,
  },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

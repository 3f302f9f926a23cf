import { Effect, Grant, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';

/**
 * Exact S3 permissions on one key prefix of a bucket. Bucket.grantRead and grantPut are broader than precis
 * needs: grantRead adds s3:GetBucket* and s3:List* on the whole bucket, grantPut the object-lock, tagging and
 * multipart actions.
 */

/** The S3 actions each kind of access needs, no more. */
export const S3_ACTIONS = {
  /** Reads pinned to a version (GetObject and HeadObject with VersionId) need GetObjectVersion too. */
  readVersions: ['s3:GetObject', 's3:GetObjectVersion'],
  read: ['s3:GetObject'],
  put: ['s3:PutObject'],
  /** Removing what a FAILED Result left under processed/ (never a version: deletes add delete markers). */
  delete: ['s3:DeleteObject'],
  /** DELETE /articles/{id}: every version of an object and its delete markers, nothing left behind. */
  deleteVersions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
} as const;

export type S3Access = keyof typeof S3_ACTIONS;

/** `access` on the objects under `prefix` only. */
export function grantObjects(bucket: IBucket, grantee: IGrantable, access: S3Access, prefix: string): Grant {
  return Grant.addToPrincipal({
    grantee,
    actions: [...S3_ACTIONS[access]],
    resourceArns: [bucket.arnForObjects(`${prefix}*`)],
  });
}

/**
 * s3:ListBucket on the bucket, for listings of `prefix` only (the s3:prefix condition). A reader needs it
 * for S3 to answer a missing key with 404 NoSuchKey rather than 403 AccessDenied, which is what tells a
 * forged or stale notification (ignored) from a refusal (an error).
 */
export function grantListPrefix(bucket: IBucket, grantee: IGrantable, prefix: string): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': `${prefix}*` } },
    }),
  );
}

/** Reading objects under `prefix` (pinned to versions when `versions`), with listings of that prefix. */
export function grantReadPrefix(
  bucket: IBucket,
  grantee: IGrantable,
  prefix: string,
  { versions }: { versions: boolean },
): void {
  grantObjects(bucket, grantee, versions ? 'readVersions' : 'read', prefix);
  grantListPrefix(bucket, grantee, prefix);
}

/** s3:ListBucketVersions on the bucket, for the versions of keys under `prefixes` only (the s3:prefix condition). */
export function grantListVersions(bucket: IBucket, grantee: IGrantable, prefixes: readonly string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['s3:ListBucketVersions'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': prefixes.map((prefix) => `${prefix}*`) } },
    }),
  );
}

/**
 * An explicit Deny of s3:ListBucket outside `prefix`, for a grantee whose Allow comes from a construct that
 * cannot scope it (Step Functions' S3 item reader, whose prefix is only known at run time).
 */
export function denyListOutsidePrefix(bucket: IBucket, grantee: IGrantable, prefix: string): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.DENY,
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringNotLike: { 's3:prefix': `${prefix}*` } },
    }),
  );
}

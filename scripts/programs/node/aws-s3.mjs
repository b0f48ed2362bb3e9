// AWS SDK for JavaScript v3, S3 GetObject (path-style), one attempt,
// uncaught: `node aws-s3.mjs ENDPOINT`.
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

const client = new S3Client({ endpoint: process.argv[2], region: 'us-east-1', forcePathStyle: true, maxAttempts: 1 });
await client.send(new GetObjectCommand({ Bucket: 'reports', Key: 'reports/2026.csv' }));

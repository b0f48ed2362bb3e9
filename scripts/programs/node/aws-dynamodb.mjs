// AWS SDK for JavaScript v3, DynamoDB PutItem, one attempt, uncaught:
// `node aws-dynamodb.mjs ENDPOINT`.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({ endpoint: process.argv[2], region: 'us-east-1', maxAttempts: 1 });
await client.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: 'o-1' } } }));

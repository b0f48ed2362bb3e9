// The Anthropic SDK, no retries, uncaught: `node anthropic.mjs BASE_URL`.
import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic({ apiKey: 'sk-ant-fixture', baseURL: process.argv[2], maxRetries: 0 });
const msg = await client.messages.create({
  model: 'claude-sonnet-4-5',
  max_tokens: 64,
  messages: [{ role: 'user', content: 'Say hi' }],
});
console.log(msg.content);

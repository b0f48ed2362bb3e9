// The OpenAI SDK, no retries, uncaught: `node openai.mjs BASE_URL`.
import OpenAI from 'openai';

const client = new OpenAI({ apiKey: 'sk-fixture', baseURL: process.argv[2], maxRetries: 0 });
const completion = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Say hi' }],
});
console.log(completion.choices[0].message.content);

// The Stripe SDK against HOST:PORT over plain HTTP, no retries, uncaught:
// `node stripe.mjs 127.0.0.1 PORT`.
import Stripe from 'stripe';

const [host, port] = process.argv.slice(2);
const stripe = new Stripe('sk_test_fixture', { host, port: Number(port), protocol: 'http', maxNetworkRetries: 0 });
await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });

// axios GET, uncaught: `node axios.mjs URL`. With "log", the error is
// caught and logged the way many programs do: console.error(err.message,
// err.response?.data).
import axios from 'axios';

const [url, mode] = process.argv.slice(2);
if (mode === 'log') {
  try {
    await axios.get(url);
  } catch (err) {
    console.error('Error:', err.message, err.response?.data);
    process.exit(1);
  }
} else {
  await axios.get(url, { headers: { Authorization: 'Bearer sk_test_fixture' } });
}

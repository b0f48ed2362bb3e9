// Octokit REST, uncaught: `node octokit.mjs BASE_URL`.
import { Octokit } from '@octokit/rest';

const octokit = new Octokit({ auth: 'ghp_fixture', baseUrl: process.argv[2] });
const { data } = await octokit.rest.repos.get({ owner: 'errcode-dev', repo: 'errcode' });
console.log(data.full_name);

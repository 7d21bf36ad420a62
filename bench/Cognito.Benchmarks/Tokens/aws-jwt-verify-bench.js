// The aws-jwt-verify side of `Cognito.Benchmarks tokens`: started by the .NET runner as a child
// process, it verifies the same tokens with the same JWKS, timed the same way (one synchronous loop
// per round, high-resolution clock around it), and answers each command on stdin with one JSON line.
'use strict';
const path = require('path');
const fs = require('fs');
const readline = require('readline');

const [prefix, dataFile] = process.argv.slice(2);
const { CognitoJwtVerifier } = require(path.join(prefix, 'node_modules', 'aws-jwt-verify'));
const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
const verifier = CognitoJwtVerifier.create({ userPoolId: data.poolId, tokenUse: 'access', clientId: data.clientId });
verifier.cacheJwks(JSON.parse(data.jwks));

function run(tokens) {
  const start = process.hrtime.bigint();
  let verified = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (verifier.verifySync(tokens[i]).sub) verified++;
  }
  const ns = Number(process.hrtime.bigint() - start);
  return { count: tokens.length, verified, ns };
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const [command, n] = line.trim().split(' ');
  try {
    if (command === 'quit') {
      process.exit(0);
    }
    const tokens = command === 'distinct' ? data.tokens : new Array(Number(n)).fill(data.repeated);
    process.stdout.write(JSON.stringify(run(tokens)) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: String(e && e.message) }) + '\n');
  }
});
process.stdout.write(JSON.stringify({ ready: true, node: process.version }) + '\n');

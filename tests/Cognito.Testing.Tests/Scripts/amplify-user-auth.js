// Drives AWS Amplify's own USER_AUTH sign-in (aws-amplify/auth) against a Cognito endpoint.
// Reads { module, endpoint, userPoolId, clientId, username, password, code } from stdin and prints
// one JSON line { steps: [...] }: each step's nextStep.signInStep (and the offered challenges).
'use strict';

const readStdin = () => new Promise((resolve, reject) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', chunk => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
  process.stdin.on('error', reject);
});

async function main() {
  const plan = JSON.parse(await readStdin());
  const { Amplify } = require(plan.module);
  const auth = require(plan.module + '/auth');
  Amplify.configure({ Auth: { Cognito: { userPoolId: plan.userPoolId, userPoolClientId: plan.clientId, userPoolEndpoint: plan.endpoint } } });
  const steps = [];
  const record = async (name, action) => {
    try {
      const result = await action();
      const step = { name, ok: true, signInStep: result && result.nextStep && result.nextStep.signInStep, available: result && result.nextStep && result.nextStep.availableChallenges };
      steps.push(step);
      return result;
    } catch (err) {
      steps.push({ name, ok: false, code: err && err.name, message: err && err.message });
      return null;
    }
  };
  const username = async () => {
    const session = await auth.fetchAuthSession();
    return session.tokens && session.tokens.accessToken.payload.username;
  };

  // SRP under USER_AUTH, named up front.
  await record('srp', () => auth.signIn({ username: plan.username, password: plan.password, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' } }));
  steps.push({ name: 'srpUser', ok: true, username: await username() });
  await record('signOut', () => auth.signOut());

  // No preference: the user chooses EMAIL_OTP, then types the code (a wrong one first).
  await record('choose', () => auth.signIn({ username: plan.username, options: { authFlowType: 'USER_AUTH' } }));
  await record('select', () => auth.confirmSignIn({ challengeResponse: 'EMAIL_OTP' }));
  await record('wrongCode', () => auth.confirmSignIn({ challengeResponse: '00000000' }));
  await record('code', () => auth.confirmSignIn({ challengeResponse: plan.code }));
  steps.push({ name: 'codeUser', ok: true, username: await username() });
  await record('signOut2', () => auth.signOut());

  // A wrong password with USER_AUTH's PASSWORD factor.
  await record('wrongPassword', () => auth.signIn({ username: plan.username, password: plan.password + 'x', options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD' } }));
  console.log(JSON.stringify({ steps }));
}

main().catch(err => { console.error(err && err.stack || err); process.exit(1); });

// Drives AWS's own JavaScript client (amazon-cognito-identity-js) against a Cognito endpoint.
// Reads a plan from stdin: { module, endpoint, scenarios: [{ name, userPoolId, clientId, username,
// password, steps: [...] }] } and prints one JSON line: { scenarios: [{ name, steps: [...] }] }.
// Scenarios run in order in this one process, so the client's in-memory storage (tokens, remembered
// device key and device password) carries from one scenario to the next, as in a browser.
'use strict';

const readStdin = () => new Promise((resolve, reject) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', chunk => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
  process.stdin.on('error', reject);
});

const failure = err => ({ ok: false, code: err && (err.code || err.name), message: err && err.message });

function authenticate(user, username, password, Cognito) {
  return new Promise(resolve => {
    const details = new Cognito.AuthenticationDetails({ Username: username, Password: password });
    user.authenticateUser(details, {
      onSuccess: (session, userConfirmationNecessary) => resolve({
        ok: true,
        idToken: session.getIdToken().getJwtToken(),
        accessToken: session.getAccessToken().getJwtToken(),
        refreshToken: session.getRefreshToken().getToken(),
        deviceKey: user.deviceKey || null,
        userConfirmationNecessary: userConfirmationNecessary === true,
      }),
      onFailure: err => resolve(failure(err)),
      newPasswordRequired: () => resolve({ ok: false, challenge: 'NEW_PASSWORD_REQUIRED' }),
      mfaRequired: name => resolve({ ok: false, challenge: name }),
      totpRequired: name => resolve({ ok: false, challenge: name }),
      selectMFAType: name => resolve({ ok: false, challenge: name }),
      mfaSetup: name => resolve({ ok: false, challenge: name }),
      customChallenge: () => resolve({ ok: false, challenge: 'CUSTOM_CHALLENGE' }),
    });
  });
}

const callbacks = (resolve, map) => ({
  onSuccess: data => resolve({ ok: true, ...(map ? map(data) : {}) }),
  onFailure: err => resolve(failure(err)),
});

function runStep(step, user, scenario, Cognito) {
  switch (step) {
    case 'login':
      return authenticate(user, scenario.username, scenario.password, Cognito);
    case 'wrongPassword':
      return authenticate(user, scenario.username, scenario.password + 'x', Cognito);
    case 'remember':
      return new Promise(resolve => user.setDeviceStatusRemembered(callbacks(resolve)));
    case 'getDevice':
      return new Promise(resolve => user.getDevice(callbacks(resolve, data => ({ device: data.Device }))));
    case 'listDevices':
      return new Promise(resolve => user.listDevices(10, null, callbacks(resolve, data => ({ devices: data.Devices }))));
    case 'forgetDevice':
      return new Promise(resolve => user.forgetDevice(callbacks(resolve)));
    case 'forgetOnServer':
      // Forgets the device at the server only: the client keeps it cached, as after an admin's ForgetDevice.
      return new Promise(resolve => user.forgetSpecificDevice(user.deviceKey, callbacks(resolve)));
    case 'globalSignOut':
      return new Promise(resolve => user.globalSignOut(callbacks(resolve)));
    case 'refresh':
      return new Promise(resolve => {
        const session = user.getSignInUserSession();
        if (!session) {
          resolve({ ok: false, code: 'NoSession', message: 'not signed in' });
          return;
        }
        user.refreshSession(session.getRefreshToken(), (err, refreshed) => resolve(err ? failure(err) : {
          ok: true,
          accessToken: refreshed.getAccessToken().getJwtToken(),
          idToken: refreshed.getIdToken().getJwtToken(),
        }));
      });
    case 'getUser':
      return new Promise(resolve => user.getUserData((err, data) => resolve(err ? failure(err) : { ok: true, username: data.Username }), { bypassCache: true }));
    default:
      return Promise.resolve({ ok: false, code: 'UnknownStep', message: step });
  }
}

async function main() {
  const plan = JSON.parse(await readStdin());
  const Cognito = require(plan.module);
  const output = { scenarios: [] };
  for (const scenario of plan.scenarios) {
    const pool = new Cognito.CognitoUserPool({ UserPoolId: scenario.userPoolId, ClientId: scenario.clientId, endpoint: plan.endpoint });
    const user = new Cognito.CognitoUser({ Username: scenario.username, Pool: pool });
    const steps = [];
    for (const step of scenario.steps) {
      try {
        steps.push({ step, ...(await runStep(step, user, scenario, Cognito)) });
      } catch (err) {
        steps.push({ step, ...failure(err) });
      }
    }
    output.scenarios.push({ name: scenario.name, steps });
  }
  process.stdout.write(JSON.stringify(output) + '\n');
}

main().catch(err => {
  process.stderr.write(String(err && err.stack || err) + '\n');
  process.exit(1);
});

'use strict';
// Computes Cognito SRP values with AWS's own JavaScript client (amazon-cognito-identity-js) so the
// C# tests can compare every intermediate value with it.
//   node vectors.js <install prefix> <response file>   < request.json
// request:  { logins: [{ a, B, salt, secretBlock, timestamp, poolName, userId, password }],
//             devices: [{ groupKey, deviceKey, password }],
//             deviceSalts: [{ groupKey, deviceKey, password, salt }], times: [epochMilliseconds] }
// response: { logins: [{ A, u, x, S, key, signature } or { error }], devices: [{ password, salt, verifier }],
//             deviceSalts: [{ verifier }], times: [text] }
// The response goes to a file, not stdout, so that anything node prints cannot corrupt it.
// Logins are split over worker threads of this one process: the package's BigInteger takes about
// 0.1 s per 3072-bit modPow and a login needs three.
// Numbers come back as the package's BigInteger.toString(16); pad-dependent values (the key, the
// signature) come from the package's own code, so its padHex is what is being compared.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

const prefix = isMainThread ? process.argv[2] : workerData.prefix;
const packageDir = path.join(prefix, 'node_modules', 'amazon-cognito-identity-js');
const { AuthenticationHelper, DateHelper } = require(packageDir);
const BigInteger = require(path.join(packageDir, 'lib', 'BigInteger.js')).default;
const { Sha256 } = require(require.resolve('@aws-crypto/sha256-js', { paths: [packageDir] }));


// One helper serves every case: the constructor's own random a costs a modPow, so it is paid once,
// and every field a login reads is set again for each case below.
const helper = new AuthenticationHelper('unused');

function login(c) {
  helper.poolName = c.poolName;
  // A fixed a, then A recomputed by the package's own calculateA (via getLargeAValue).
  helper.smallAValue = new BigInteger(c.a, 16);
  helper.largeAValue = undefined;
  let A;
  let failure = null;
  helper.getLargeAValue((err, value) => {
    if (err) failure = err;
    A = value;
  });
  if (failure) return { error: String(failure.message) };

  // CognitoUser parses the challenge exactly like this (new BigInteger(SRP_B / SALT, 16)).
  const serverB = new BigInteger(c.B, 16);
  const salt = new BigInteger(c.salt, 16);

  // x and S are locals of getPasswordAuthenticationKey; calculateS receives x and yields S, so
  // wrapping it on this instance exposes both without changing what is computed.
  let x;
  let S;
  helper.calculateS = function (xValue, bValue, callback) {
    x = xValue;
    return AuthenticationHelper.prototype.calculateS.call(this, xValue, bValue, (err, sValue) => {
      S = sValue;
      callback(err, sValue);
    });
  };

  let key;
  try {
    helper.getPasswordAuthenticationKey(c.userId, c.password, serverB, salt, (err, hkdf) => {
      if (err) failure = err;
      key = hkdf;
    });
  } catch (e) {
    failure = e;
  }
  if (failure) return { error: String(failure.message), A: A.toString(16) };

  // The package has no function for the signature: these lines are CognitoUser's own
  // (authenticateUserDefaultAuth / getDeviceResponse): HMAC-SHA256 keyed with the HKDF output over
  // pool name, user id, the decoded secret block and the timestamp.
  const message = Buffer.concat([
    Buffer.from(c.poolName, 'utf8'),
    Buffer.from(c.userId, 'utf8'),
    Buffer.from(c.secretBlock, 'base64'),
    Buffer.from(c.timestamp, 'utf8'),
  ]);
  const hmac = new Sha256(key);
  hmac.update(message);
  const signature = Buffer.from(hmac.digestSync()).toString('base64');

  return {
    A: A.toString(16),
    u: helper.UValue.toString(16),
    x: x.toString(16),
    S: S.toString(16),
    key: Buffer.from(key).toString('hex'),
    signature,
  };
}

function device(d) {
  const deviceHelper = Object.create(helper);
  // generateHashDevice draws the password with generateRandomString (overridable) and the salt
  // with a module-private randomBytes (not): the password is fixed here, the salt comes back.
  deviceHelper.generateRandomString = () => d.password;
  let failure = null;
  deviceHelper.generateHashDevice(d.groupKey, d.deviceKey, (err) => {
    if (err) failure = err;
  });
  if (failure) return { error: String(failure.message) };
  return {
    password: deviceHelper.getRandomPassword(),
    salt: deviceHelper.getSaltDevices(),
    verifier: deviceHelper.getVerifierDevices(),
  };
}

// generateHashDevice with a given salt instead of its random one: its own lines, in its own order,
// with the package's hash/hexHash/padHex/modPow, so a salt this library drew can be checked too.
function deviceWithSalt(d) {
  const hashedString = helper.hash(`${d.groupKey}${d.deviceKey}:${d.password}`);
  const saltToHashDevices = helper.padHex(new BigInteger(d.salt, 16));
  let verifier;
  helper.g.modPow(new BigInteger(helper.hexHash(saltToHashDevices + hashedString), 16), helper.N, (err, value) => {
    if (err) throw err;
    verifier = helper.padHex(value);
  });
  return { salt: saltToHashDevices, verifier };
}

// DateHelper.getNowString reads `new Date()`; a Date whose no-argument form returns a fixed instant
// makes it format that instant, with the package's own code.
function timestamp(epochMilliseconds) {
  const RealDate = global.Date;
  global.Date = class extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(epochMilliseconds);
      else super(...args);
    }
  };
  try {
    return new DateHelper().getNowString();
  } finally {
    global.Date = RealDate;
  }
}

function runLogins(logins) {
  const threads = Math.max(1, Math.min(os.cpus().length, 4, logins.length));
  const chunks = Array.from({ length: threads }, (_, t) => logins.filter((_, i) => i % threads === t));
  return Promise.all(chunks.map((chunk) => new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { prefix, logins: chunk } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
  }))).then((results) => logins.map((_, i) => results[i % threads][Math.floor(i / threads)]));
}

async function main() {
  const request = JSON.parse(fs.readFileSync(0, 'utf8'));
  const response = {
    logins: await runLogins(request.logins || []),
    devices: (request.devices || []).map(device),
    deviceSalts: (request.deviceSalts || []).map(deviceWithSalt),
    times: (request.times || []).map(timestamp),
  };
  fs.writeFileSync(process.argv[3], JSON.stringify(response));
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  parentPort.postMessage(workerData.logins.map(login));
}

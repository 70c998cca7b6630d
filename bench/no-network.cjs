// Loaded (node --require) into every process the benchmark starts, ours and the peers': any
// attempt to open a network connection other than to this machine fails at once, so no tool
// can reach out (for example to fetch a schema store) while it is being timed.
'use strict';
const net = require('node:net');
const LOCAL = /^(127\.\d+\.\d+\.\d+|::1|localhost|0\.0\.0\.0|::)$/i;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = args[0];
  const opts = Array.isArray(first) ? first[0] : first;
  const host = typeof opts === 'object' && opts !== null ? (opts.path ? 'localhost' : opts.host ?? 'localhost') : typeof args[1] === 'string' ? args[1] : 'localhost';
  if (!LOCAL.test(String(host))) {
    const err = new Error(`The benchmark allows no network connections (attempted: ${host}).`);
    process.stderr.write(`${err.message}\n`);
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return connect.apply(this, args);
};

// Name look-ups too: nothing is resolved but this machine's own names.
const dns = require('node:dns');
const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  if (!LOCAL.test(String(hostname))) {
    const cb = rest[rest.length - 1];
    const err = Object.assign(new Error(`The benchmark allows no network look-ups (attempted: ${hostname}).`), { code: 'ENOTFOUND' });
    process.stderr.write(`${err.message}\n`);
    if (typeof cb === 'function') process.nextTick(() => cb(err));
    return {};
  }
  return lookup.call(this, hostname, ...rest);
};

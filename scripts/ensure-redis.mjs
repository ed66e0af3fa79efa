#!/usr/bin/env node
// The sweep tests start their own redis-server (Debian's package) on a free loopback port.
// Installs it with apt-get when it is missing and we are root; otherwise explains what to do.
import { execSync } from 'node:child_process';

const found = () => {
  try {
    execSync('command -v redis-server', { stdio: 'ignore', shell: '/bin/bash' });
    return true;
  } catch {
    return false;
  }
};
if (found()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    'redis-server was not found. Install it (Debian: sudo apt-get install -y redis-server), then run the tests again.',
  );
  process.exit(1);
}
console.error("redis-server not found: installing Debian's redis-server with apt-get...");
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server', {
  stdio: 'inherit',
  shell: '/bin/bash',
});
// The package's service is not needed: tests run their own servers.
try {
  execSync('command -v service >/dev/null && service redis-server stop', {
    stdio: 'ignore',
    shell: '/bin/bash',
  });
} catch {}

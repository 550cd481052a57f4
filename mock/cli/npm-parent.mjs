// Under npm (`npm start`, `npx apig-app-mock`) a signal to npm's pid does not reach the mock:
// npm runs it through a shell, which npm signals, and npm or the shell exits leaving it
// listening. This watches for that.
import { readFileSync } from 'node:fs';

/**
 * The parent of process `pid` (Linux's /proc), or undefined where that cannot be read.
 * @param {number} pid
 */
function parentOf(pid) {
  try {
    return Number(
      readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /s, '')
        .split(' ')[1],
    );
  } catch {
    return undefined;
  }
}

/**
 * When npm or its shell is gone (this process, or the shell, handed to another parent), calls
 * `stop` as on SIGTERM. Only under npm: a mock a shell started in the background
 * (`apig-app-mock &`, nohup) keeps running when that shell ends.
 * @param {(why: string) => unknown} stop
 */
export function stopWhenNpmIsGone(stop) {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  const watch = setInterval(() => {
    if (process.ppid === parent && (grandparent === undefined || parentOf(parent) === grandparent)) return;
    clearInterval(watch);
    stop('npm exited');
  }, 500);
  watch.unref();
}

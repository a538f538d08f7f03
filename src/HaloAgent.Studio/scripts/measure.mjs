// Opens a Studio page in headless Chromium over the DevTools protocol and prints console output and errors.
// Usage: node --experimental-websocket scripts/measure.mjs <url> [waitSeconds] [chromeBinary]
// e.g. after `HALO_API=http://127.0.0.1:5181 npx vite preview`:
//   node --experimental-websocket scripts/measure.mjs http://127.0.0.1:4173/studio/dev/perf 20
import { spawn } from 'node:child_process';

const [url, wait = '15', binary = '/usr/bin/chromium-headless-shell'] = process.argv.slice(2);
const port = 9300 + Math.floor(Math.random() * 600);
const chrome = spawn(binary, ['--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`, '--window-size=1600,1000', 'about:blank'], { stdio: 'ignore', detached: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let target;
for (let i = 0; i < 50 && !target; i++) {
  await sleep(200);
  try {
    target = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()).find((t) => t.type === 'page');
  } catch { /* not up yet */ }
}
const ws = new WebSocket(target.webSocketDebuggerUrl);
let id = 0;
const pending = new Map();
const send = (method, params = {}) => new Promise((resolve) => { const n = ++id; pending.set(n, resolve); ws.send(JSON.stringify({ id: n, method, params })); });
ws.onmessage = (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg.result); pending.delete(msg.id); }
  if (msg.method === 'Runtime.consoleAPICalled') console.log(`[console.${msg.params.type}]`, msg.params.args.map((a) => a.value ?? a.description).join(' '));
  if (msg.method === 'Runtime.exceptionThrown') console.log('[exception]', msg.params.exceptionDetails.exception?.description ?? msg.params.exceptionDetails.text);
};
await new Promise((r) => (ws.onopen = r));
await send('Runtime.enable');
await send('Page.enable');
await send('Page.navigate', { url });
await sleep(Number(wait) * 1000);
const result = await send('Runtime.evaluate', { expression: 'JSON.stringify({perf: window.__haloPerf ?? null, text: document.body.innerText.slice(0, 1500)})', returnByValue: true });
console.log(result.result.value);
ws.close();
process.kill(-chrome.pid, 'SIGKILL');
process.exit(0);

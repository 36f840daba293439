import { paintHomeSnapshot } from './homeSnapshot';

// The classic script /home-snapshot.js (src/build/homeSnapshotScript.ts): index.html runs
// it right after #app is parsed, before the app's modules are loaded. The User Timing
// marks let the benchmarks and a DevTools trace see when it ran and when it painted.
performance.mark('escale-snapshot-start');
if (paintHomeSnapshot(document.getElementById('app'), location)) performance.mark('escale-snapshot-painted');

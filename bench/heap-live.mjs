// What a build keeps alive: `node bench/heap-live.mjs [articles] [at] [variant;variant…]` builds
// variants of the profile site (bench/profile.mjs; default: the boxes' HTML by hand with no plugin, and
// fact-boxes), each in a child process, and writes a heap snapshot when Astro's MDX plugin is handed
// the `at`-th article (default: 700 of 1,000), mid-build. A snapshot holds only what is reachable, so
// it tells what the build keeps from what it has not collected yet. Printed per variant: the live heap by kind of
// object, and the strings that are only alive because a slice of them is (a slice of a string keeps
// all of it): which objects hold the slices, by the field they are in.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { profileSite } from './profile.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.argv[2] ?? 1000);
const at = Number(process.argv[3] ?? Math.round(count * 0.7));
const out = join(root, 'bench', '.work', 'heap');
mkdirSync(out, { recursive: true });

/** One build, stopped for a snapshot at the `at`-th MDX transform: the snapshot's path. */
function snapshot(name) {
  const dir = profileSite(name, count);
  const file = join(out, `${name.replace(/[^a-z]+/g, '-')}-${count}-${at}.heapsnapshot`);
  const script = `import v8 from 'node:v8'; let seen = 0;
const counting = { name: 'count', transform(_code, id) { if (id.endsWith('.mdx') && ++seen === ${at}) v8.writeHeapSnapshot(${JSON.stringify(file)}); } };
const { build } = await import('astro');
await build({ root: ${JSON.stringify(dir)}, logLevel: 'error', integrations: [{ name: 'heap-live', hooks: { 'astro:config:setup': ({ updateConfig }) => updateConfig({ vite: { plugins: [counting] } }) } }] });
process.exit(0);`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return file;
}

/** The live heap by kind, and who holds the slices that keep whole strings alive. */
function read(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const { node_fields: nodeFields, edge_fields: edgeFields, node_types: [nodeTypes], edge_types: [edgeTypes] } = snap.snapshot.meta;
  const nf = nodeFields.length;
  const ef = edgeFields.length;
  const [iType, iName, iSize, iEdges] = ['type', 'name', 'self_size', 'edge_count'].map((field) => nodeFields.indexOf(field));
  const [iEdgeType, iEdgeName, iTo] = ['type', 'name_or_index', 'to_node'].map((field) => edgeFields.indexOf(field));
  const nodes = snap.nodes;
  const total = nodes.length / nf;
  const kind = (node) => {
    const type = nodeTypes[nodes[node * nf + iType]];
    return type === 'object' ? snap.strings[nodes[node * nf + iName]] : `(${type})`;
  };
  const byKind = new Map();
  for (let node = 0; node < total; node++) byKind.set(kind(node), (byKind.get(kind(node)) ?? 0) + nodes[node * nf + iSize]);
  // The first holder of each node, and the field it is held by.
  const holder = new Int32Array(total).fill(-1);
  const field = new Array(total);
  for (let node = 0, edge = 0; node < total; node++) {
    for (let k = 0; k < nodes[node * nf + iEdges]; k++, edge += ef) {
      const type = edgeTypes[snap.edges[edge + iEdgeType]];
      const to = snap.edges[edge + iTo] / nf;
      if (type === 'weak' || holder[to] !== -1) continue;
      holder[to] = node;
      field[to] = type === 'element' || type === 'hidden' ? '[]' : type === 'internal' && snap.strings[snap.edges[edge + iEdgeName]] === 'parent' ? 'parent' : String(snap.strings[snap.edges[edge + iEdgeName]]);
    }
  }
  // A string held only as a slice's parent is alive for the slice: count it to what holds the slice.
  const sliceHolders = new Map();
  for (let node = 0; node < total; node++) {
    const slice = holder[node];
    if (slice < 0 || field[node] !== 'parent' || nodeTypes[nodes[slice * nf + iType]] !== 'sliced string') continue;
    const owner = holder[slice];
    const key = owner < 0 ? '(none)' : `${kind(owner)} .${field[slice]}`;
    sliceHolders.set(key, (sliceHolders.get(key) ?? 0) + nodes[node * nf + iSize]);
  }
  return { byKind, sliceHolders, live: [...byKind.values()].reduce((sum, size) => sum + size, 0) };
}

const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);
for (const name of (process.argv[4] ?? 'boxes as one HTML string each, no plugin;fact-boxes').split(';')) {
  const { byKind, sliceHolders, live } = read(snapshot(name));
  console.log(`\n${name}, at the ${at}th of ${count} MDX articles: ${mib(live)} MiB live`);
  for (const [key, size] of [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${mib(size).padStart(6)} MiB  ${key}`);
  console.log('  strings alive for their slices, by what holds the slice:');
  for (const [key, size] of [...sliceHolders].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${mib(size).padStart(6)} MiB  ${key}`);
}

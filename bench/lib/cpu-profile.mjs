// Reads a V8 .cpuprofile (node --cpu-prof) into self and inclusive time per function and
// per area (package, Keyward folder, Node internals), so a profile can be summarised as
// text in a report. Pure: takes the parsed JSON, returns plain objects.

/** Where a frame lives: `keyward:auth`, an npm package, `node:<module>`, or a V8 pseudo-frame. */
export function areaOf(callFrame) {
  const url = callFrame.url ?? "";
  if (url === "") return callFrame.functionName.startsWith("(") ? callFrame.functionName : "(native)";
  const dist = /\/packages\/([^/]+)\/dist\/(?:([^/]+)\/)?/.exec(url);
  if (dist) return dist[2] ? `keyward:${dist[2]}` : `keyward:${dist[1]}`;
  const modules = url.lastIndexOf("/node_modules/");
  if (modules !== -1) {
    const parts = url.slice(modules + "/node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith("node:")) return url.split("/")[0];
  return url;
}

function frameKey(callFrame) {
  const name = callFrame.functionName || "(anonymous)";
  if (!callFrame.url) return name;
  const file = callFrame.url.replace(/^file:\/\//, "").replace(/^.*\/(node_modules|packages)\//, "$1/");
  return `${name} ${file}:${callFrame.lineNumber + 1}`;
}

function sampleDurations(profile) {
  const durations = new Array(profile.samples.length);
  let at = profile.startTime;
  const stamps = profile.timeDeltas.map((delta) => (at += delta));
  for (let i = 0; i < stamps.length; i++) {
    const next = i + 1 < stamps.length ? stamps[i + 1] : profile.endTime;
    durations[i] = Math.max(0, next - stamps[i]);
  }
  return durations;
}

function ranked(map, busyUs, top) {
  return [...map]
    .map(([name, us]) => ({ name, ms: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}

/**
 * Self time (the function itself), inclusive time (it and what it called, counted once per
 * sample even under recursion) and self time per area. Shares are of the busy time
 * (everything but `(idle)`).
 */
export function summarizeCpuProfile(profile, { top = 20 } = {}) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

  const durations = sampleDurations(profile);
  const self = new Map();
  const inclusive = new Map();
  const areas = new Map();
  let idleUs = 0;
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const us = durations[i];
    totalUs += us;
    const leaf = nodes.get(profile.samples[i]);
    if (!leaf) continue;
    if (leaf.callFrame.functionName === "(idle)") {
      idleUs += us;
      continue;
    }
    const key = frameKey(leaf.callFrame);
    self.set(key, (self.get(key) ?? 0) + us);
    const area = areaOf(leaf.callFrame);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const seen = new Set();
    for (let id = leaf.id; id !== undefined; id = parents.get(id)) {
      const frame = nodes.get(id).callFrame;
      if (frame.functionName === "(root)") continue;
      const frameName = frameKey(frame);
      if (seen.has(frameName)) continue;
      seen.add(frameName);
      inclusive.set(frameName, (inclusive.get(frameName) ?? 0) + us);
    }
  }
  const busyUs = totalUs - idleUs;
  return {
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    busyMs: busyUs / 1000,
    self: ranked(self, busyUs, top),
    inclusive: ranked(inclusive, busyUs, Number.POSITIVE_INFINITY),
    areas: ranked(areas, busyUs, top),
  };
}

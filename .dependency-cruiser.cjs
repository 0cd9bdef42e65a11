// Import rules that ESLint cannot see across files (README, "Architecture"): no import cycles,
// type-only imports included, and the host's layer order. Run by `npm run lint`.

// The host's layers, lowest first. A module may import its own layer and the ones below it,
// never one above. A new folder under host/ must take its place here (the last rule refuses
// an unplaced one).
const hostLayers = [
  ['base', '(records|tools|net|face|voice)/|(errors|logger|limits|private-files)\\.ts$'],
  ['sfu', 'sfu/'],
  ['session', 'session/'],
  ['court-recording', '(court|recording)/'],
  ['evidence-training', '(evidence|training|gallery)/'],
  ['api', 'api/'],
  ['listeners', '(http|ws)/'],
  ['composition', '(assembly/|index\\.ts$)'],
];

const layerPath = (pattern) => `^host/(${pattern})`;

const layerRules = hostLayers.slice(0, -1).map(([name, pattern], index) => ({
  name: `host-layer-${name}`,
  comment: `host/${name} is below ${hostLayers
    .slice(index + 1)
    .map(([above]) => above)
    .join(', ')}: a lower layer never imports a higher one.`,
  severity: 'error',
  from: { path: layerPath(pattern) },
  to: {
    path: layerPath(
      hostLayers
        .slice(index + 1)
        .map(([, above]) => above)
        .join('|'),
    ),
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles (type-only imports count) make modules impossible to read alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'host-layer-unplaced',
      comment: 'Every module under host/ belongs to a layer in .dependency-cruiser.cjs.',
      severity: 'error',
      from: {
        path: '^host/',
        pathNot: layerPath(hostLayers.map(([, pattern]) => pattern).join('|')),
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.tsbuild|dist|artifacts)/' },
    // Type-only imports are dependencies too: a cycle through `import type` is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};

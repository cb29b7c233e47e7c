// The chart libraries' files in node_modules, by the versioned names app/charts/[file]/route.ts
// serves them under. Plain JavaScript: next.config.mjs traces these files into the server's output.

export const CHART_LIBRARY_FILES = /** @type {const} */ ({
  'plotly-strict-4.1.1.min.js': 'plotly.js-strict-dist-min/plotly-strict.min.js',
  'vega-6.4.0.min.js': 'vega/build/vega.min.js',
  'vega-lite-6.4.1.min.js': 'vega-lite/build/vega-lite.min.js',
  'vega-embed-7.3.0.min.js': 'vega-embed/build/vega-embed.min.js',
})

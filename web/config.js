// Settings an operator may change and the fixed vocabulary of the map: scores, palette, dimensions, layers.

/**
 * Settings. The map needs no internet. To put an online basemap under the layers, set basemap.url to a tile URL
 * template (e.g. 'https://tile.openstreetmap.org/{z}/{x}/{y}.png') and basemap.attribution to what its licence asks
 * (e.g. '© OpenStreetMap contributors'); a "Basemap (online)" switch then appears in the layer list, off unless
 * basemap.on is true. roadsAs: 'wms' draws roads as one server-rendered image per view (fast for dense networks),
 * 'geojson' as vectors.
 */
export var CONFIG = {
  basemap: { url: null, attribution: '', on: false, maxZoom: 19 },
  roadsAs: 'wms',
  rescoreDelayMs: 250,
  slowRequestMs: 400
};

export var API = 'api/';
export var DIMENSIONS = ['roads', 'power', 'finance', 'markets'];
export var DIMENSION_LABELS = { roads: 'Roads', power: 'Electricity', finance: 'Finance', markets: 'Markets' };
export var EVIDENCE_COLORS = { roads: '#d95f02', power: '#7570b3', finance: '#1b9e77', markets: '#e7298a' };

/**
 * The scores a planner can colour by. needHigh: a high value means more need (gaps, priority); the composite is
 * the other way round. Scores on 0–100 use fixed breaks so colours mean the same in every region and run;
 * priority has no upper bound, so it uses quintiles of the current clusters.
 */
export var SCORES = {
  composite: { label: 'Connectivity score', needHigh: false, fixed: true },
  gap: { label: 'Overall gap', needHigh: true, fixed: true },
  roads_gap: { label: 'Roads gap', needHigh: true, fixed: true },
  power_gap: { label: 'Electricity gap', needHigh: true, fixed: true },
  finance_gap: { label: 'Finance gap', needHigh: true, fixed: true },
  markets_gap: { label: 'Markets gap', needHigh: true, fixed: true },
  priority: { label: 'Priority (gap × size)', needHigh: true, fixed: false }
};

// ColorBrewer YlOrRd, 5 classes: sequential and safe for the common colour-vision deficiencies; darker = more need
export var PALETTE = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
export var NO_DATA_COLOR = '#bdbdbd';

export var TYPOLOGY_LABELS = {
  high_tech_knowledge: 'High-tech / knowledge',
  dynamic_export: 'Dynamic export',
  low_tech_domestic: 'Low-tech domestic',
  artisanal_craft: 'Artisanal / craft',
  service_based: 'Service-based'
};

export var LAYER_ORDER = ['clusters', 'markets', 'finance', 'power', 'roads', 'gap_surface', 'coverage'];
// own: layers of your own (WMS), above the coverage, beneath the computed surfaces and built-in layers as in the WMS
// group; regions: the by-region choropleth just above them
export var PANE_Z = {
  coverage: 400, own: 402, regions: 403, gap_surface: 405, roads: 410, power: 420, markets: 430, finance: 440,
  evidence: 445, clusters: 450
};

/**
 * Layers the server computes and draws by WMS only (not stored, so not in /api/layers): off unless asked for,
 * since a surface covers the whole map.
 */
export var WMS_SURFACES = { gap_surface: 'Travel time to a regional market' };

// The planner map's shared state: what is loaded, chosen and shown; the one object the modules share.

export var state = {
  map: null,
  clusterLayer: null, // the clusters' Leaflet layer, redrawn after each re-scoring
  profile: null, // {name, weights}
  weights: {}, // slider values 0..100 per dimension (raw; the server normalises)
  features: [], // scored clusters (GeoJSON features) under the current weights
  byId: {}, // cluster_grid_id -> scored feature
  baselineRank: {}, // cluster_grid_id -> rank under the profile's weights
  register: {}, // cluster_grid_id -> register properties (sector, typology, …)
  score: 'composite',
  classes: null,
  selected: null,
  viewBeforeSelect: null,
  layers: {}, // id -> {title, count, layer, on, loaded}
  sort: { key: 'rank', dir: 1 },
  filters: { typology: '', sector: '', country: '', band: '' },
  datasets: [],
  own: {}, // layers of your own: name -> {meta, on, layer}
  regionLayer: null, // the layer of your own summed up "by region", or null
  placing: false // a scenario's intervention is being placed: map clicks place it, not select or identify
};

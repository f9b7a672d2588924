#!/usr/bin/python3
"""Helpers and OWSLib checks for client-checks.sh; Debian's /usr/bin/python3 with python3-owslib, no other module.

  client_checks.py owslib BASE BBOX OUT.png            OWSLib 0.27 against WMS and OGC API - Features (PASS/FAIL lines)
  client_checks.py pixels FILE.png [RRGGBB]           "<non-background pixels> <all pixels>" of an 8-bit PNG
  client_checks.py count-in-bbox FILE.geojson BBOX    features of a GeoJSON file that intersect minLon,minLat,maxLon,maxLat
  client_checks.py in-tile FILE.geojson Z X Y BUFFER  features of a GeoJSON file meeting a WebMercatorQuad tile (+ buffer/4096)
  client_checks.py tile LON LAT Z                     "X Y" of the XYZ tile holding a point
  client_checks.py json URL EXPR                      a value of a JSON document, EXPR evaluated with d bound to it

Every expected figure the checks compare with is computed here from downloaded data (geometry tests written out below),
not taken from the server's own counts.
"""
import json
import math
import struct
import sys
import time
import urllib.parse
import urllib.request
import zlib


# ---- PNG pixels (8-bit greyscale, RGB, palette, grey+alpha, RGBA; no interlace) ----

def png_pixels(path):
    """(width, height, rows of (r, g, b, a) tuples) of an 8-bit non-interlaced PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG: {data[:16]!r}")
    pos, idat, palette, trns = 8, b"", None, None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace:
                raise ValueError(f"{path}: bit depth {depth}, interlace {interlace} not handled")
        elif kind == b"PLTE":
            palette = [tuple(body[i:i + 3]) for i in range(0, len(body), 3)]
        elif kind == b"tRNS":
            trns = body
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(idat)
    stride = width * channels
    prev = bytearray(stride)
    rows, i = [], 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        px = []
        for x in range(width):
            v = line[x * channels:(x + 1) * channels]
            if ctype == 0:
                px.append((v[0], v[0], v[0], 255))
            elif ctype == 2:
                px.append((v[0], v[1], v[2], 255))
            elif ctype == 3:
                r, g, bb = palette[v[0]]
                px.append((r, g, bb, trns[v[0]] if trns is not None and v[0] < len(trns) else 255))
            elif ctype == 4:
                px.append((v[0], v[0], v[0], v[1]))
            else:
                px.append(tuple(v))
        rows.append(px)
    return width, height, rows


def non_background(path, background=(255, 255, 255)):
    """(pixels that are neither transparent nor the background colour, all pixels)."""
    w, h, rows = png_pixels(path)
    n = sum(1 for row in rows for p in row if p[3] != 0 and p[:3] != tuple(background))
    return n, w * h


# ---- geometry: does a GeoJSON geometry intersect a lon/lat box? ----

def _seg_hits_box(p, q, box):
    """Liang-Barsky: does segment pq meet the closed box (minx, miny, maxx, maxy)?"""
    x0, y0 = p[0], p[1]
    dx, dy = q[0] - x0, q[1] - y0
    t0, t1 = 0.0, 1.0
    for pk, qk in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if pk == 0:
            if qk < 0:
                return False
        else:
            t = qk / pk
            if pk < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
    return True


def _in_box(p, box):
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


def _in_ring(p, ring):
    inside = False
    for (x1, y1), (x2, y2) in zip((c[:2] for c in ring), (c[:2] for c in ring[1:] + ring[:1])):
        if (y1 > p[1]) != (y2 > p[1]) and p[0] < (x2 - x1) * (p[1] - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def intersects(geom, box):
    t, c = geom["type"], geom.get("coordinates")
    if t == "Point":
        return _in_box(c, box)
    if t == "MultiPoint":
        return any(_in_box(p, box) for p in c)
    if t == "LineString":
        return len(c) == 1 and _in_box(c[0], box) or any(_seg_hits_box(a, b, box) for a, b in zip(c, c[1:]))
    if t == "MultiLineString":
        return any(intersects({"type": "LineString", "coordinates": l}, box) for l in c)
    if t == "Polygon":
        if any(intersects({"type": "LineString", "coordinates": r}, box) for r in c):
            return True
        corner = (box[0], box[1])  # the box lies wholly inside the polygon (and not in a hole)?
        return _in_ring(corner, c[0]) and not any(_in_ring(corner, h) for h in c[1:])
    if t == "MultiPolygon":
        return any(intersects({"type": "Polygon", "coordinates": p}, box) for p in c)
    if t == "GeometryCollection":
        return any(intersects(g, box) for g in geom["geometries"])
    raise ValueError(f"geometry type {t}")


def features_of(path):
    with open(path) as f:
        return json.load(f)["features"]


# ---- web mercator tiles ----

def tile_of(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y


def merc(lon, lat):
    r = 6378137.0
    return r * math.radians(lon), r * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def to_merc(geom):
    def walk(c):
        return merc(c[0], c[1]) if isinstance(c[0], (int, float)) else [walk(v) for v in c]
    if geom["type"] == "GeometryCollection":
        return {"type": geom["type"], "geometries": [to_merc(g) for g in geom["geometries"]]}
    return {"type": geom["type"], "coordinates": walk(geom["coordinates"])}


def tile_box_merc(z, x, y, buffer_units=0):
    half = 20037508.342789244
    size = 2 * half / 2 ** z
    pad = size * buffer_units / 4096
    minx, maxy = -half + x * size, half - y * size
    return minx - pad, maxy - size - pad, minx + size + pad, maxy + pad


def get_json(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.load(r)


# ---- OWSLib checks ----

FAILS = 0


def check(name, fn):
    global FAILS
    t = time.perf_counter()
    try:
        r = fn()
        print(f"PASS owslib: {name}: {r} ({time.perf_counter() - t:.2f}s)", flush=True)
    except Exception as e:  # a failed check reports and the next one runs
        FAILS += 1
        print(f"FAIL owslib: {name}: {type(e).__name__}: {str(e)[:400]} ({time.perf_counter() - t:.2f}s)", flush=True)


# the CQL2 filter the clients check: more than Part 1's equality parameters can say
CQL2_ROADS = "class IN ('primary', 'secondary', 'tertiary') AND name IS NOT NULL"


def owslib_checks(base, bbox_arg, out_png):
    import owslib
    from owslib.ogcapi.features import Features
    from owslib.wms import WebMapService

    box = [float(v) for v in bbox_arg.split(",")]
    layers = ["clusters", "roads", "power", "finance", "markets"]
    expected_layers = get_json(base + "/api/layers")
    counts = {l["id"]: l["count"] for l in expected_layers}
    print(f"OWSLib {owslib.__version__}", flush=True)
    s = {}

    def caps():
        s["wms"] = wms = WebMapService(base + "/ogc/wms", version="1.3.0", timeout=60)
        names = set(wms.contents)
        drawn = layers + ["gap_surface", "coverage"]
        assert names == set(drawn) | {"clustergrid"}, f"layers {sorted(names)}"
        crs = set(wms["roads"].crsOptions)
        assert {"EPSG:4326", "CRS:84", "EPSG:3857"} <= crs, f"roads CRS {sorted(crs)}"
        queryable = sorted(n for n in drawn if wms[n].queryable)
        assert queryable == sorted(drawn), f"queryable {queryable}"
        styles = set(wms["clusters"].styles)
        want = {"default", "composite", "gap", "roads_gap", "power_gap", "finance_gap", "markets_gap", "priority"}
        assert want <= styles, f"cluster styles {sorted(styles)}"
        ops = [o.name for o in wms.operations]
        assert {"GetCapabilities", "GetMap", "GetFeatureInfo"} <= set(ops), ops
        return f"{len(names)} layers {sorted(names)}, CRS of roads {sorted(crs)}, all {len(drawn)} queryable, " \
            f"{len(styles)} cluster styles"
    check("WMS 1.3.0 GetCapabilities", caps)

    ext = {l["id"]: l["extent"] for l in expected_layers}["roads"]

    def getmap():
        img = s["wms"].getmap(layers=["roads", "clusters"], styles=["", ""], srs="EPSG:4326", bbox=tuple(ext),
                              size=(512, 512), format="image/png")
        with open(out_png, "wb") as f:
            f.write(img.read())
        n, total = non_background(out_png)
        assert n >= total // 100, f"only {n} of {total} pixels drawn"
        return f"512x512 PNG of roads+clusters over the roads' extent: {n} of {total} pixels drawn ({100 * n / total:.1f} %)"
    check("WMS GetMap (OWSLib orders the EPSG:4326 box lat,lon itself)", getmap)

    def landing():
        s["api"] = api = Features(base + "/ogc/features", timeout=60)
        conf = api.conformance()["conformsTo"]
        assert any(c.endswith("ogcapi-features-1/1.0/conf/core") for c in conf), conf
        assert any(c.endswith("ogcapi-features-1/1.0/conf/geojson") for c in conf), conf
        ids = [c["id"] for c in api.collections()["collections"]]
        assert sorted(ids) == sorted(layers + ["interventions"]), ids  # and the Intervention grid
        return f"{len(conf)} conformance classes; collections {ids}"
    check("OAPIF landing page, conformance, collections", landing)

    def follow(url, limit):
        """Follows rel=next from a first page; (features, pages, numberMatched of page 1, next links)."""
        feats, pages, matched, nexts = [], 0, None, []
        while url and pages < 10000:
            d = get_json(url)
            if pages == 0:
                matched = d.get("numberMatched")
            assert d.get("numberReturned") == len(d["features"]), f"numberReturned {d.get('numberReturned')}"
            assert len(d["features"]) <= limit
            feats += d["features"]
            pages += 1
            url = next((l["href"] for l in d.get("links", []) if l.get("rel") == "next"), None)
            if url:
                nexts.append(url)
        return feats, pages, matched, nexts

    for layer in layers:
        def count(layer=layer):
            first = s["api"].collection_items(layer, limit=1)
            feats, pages, matched, _ = follow(f"{base}/ogc/features/collections/{layer}/items?f=json&limit=500", 500)
            s.setdefault("feats", {})[layer] = feats
            ids = {f["id"] for f in feats}
            assert first["numberMatched"] == matched == counts[layer] == len(feats) == len(ids), \
                f"numberMatched {first['numberMatched']}, /api/layers {counts[layer]}, " \
                f"followed next: {len(feats)} features ({len(ids)} distinct ids) in {pages} pages"
            return f"{len(feats)} features, distinct ids, in {pages} pages of 500 = numberMatched = /api/layers count"
        check(f"OAPIF {layer}: every page via rel=next", count)

    def item():
        c = s["feats"]["clusters"][0]
        r = s["api"].collection_item("clusters", c["id"])
        assert r["type"] == "Feature" and r["id"] == c["id"] and r["geometry"] == c["geometry"], str(r)[:200]
        return f"/items/{c['id']} = the paged feature ({r['properties'].get('name')})"
    check("OAPIF single item by Cluster Grid ID", item)

    clusters = s["feats"]["clusters"]

    def featureinfo():
        c = clusters[0]
        lon, lat = c["geometry"]["coordinates"][:2]
        d = 0.002  # a 256-pixel box centred on the cluster: it is drawn at pixel (128, 128)
        r = s["wms"].getfeatureinfo(layers=["clusters"], query_layers=["clusters"], styles=[""], srs="EPSG:4326",
                                    bbox=(lon - d, lat - d, lon + d, lat + d), size=(256, 256),
                                    format="image/png", info_format="application/json", xy=(128, 128),
                                    feature_count=5)
        fc = json.loads(r.read())
        ids = [f.get("id") for f in fc["features"]]
        assert c["id"] in ids, f"clicked {c['id']} at {lon},{lat}, got {ids}"
        props = next(f["properties"] for f in fc["features"] if f["id"] == c["id"])
        return f"clicked cluster {c['id']} ({props.get('name')}) at pixel 128,128: {len(ids)} feature(s) {ids}"
    check("WMS GetFeatureInfo application/json returns the cluster under the pixel", featureinfo)

    def bbox_paging():
        roads = s["feats"]["roads"]
        expected = sum(1 for f in roads if intersects(f["geometry"], box))
        r = s["api"].collection_items("roads", bbox=box, limit=100)
        url = next(l["href"] for l in r["links"] if l["rel"] == "self")
        feats, pages, matched, nexts = follow(url, 100)
        lost = [u for u in nexts if "bbox=" not in u]
        assert not lost, f"{len(lost)} next link(s) without bbox, e.g. {lost[0]}"
        outside = [f["id"] for f in feats if not intersects(f["geometry"], box)]
        assert not outside, f"{len(outside)} feature(s) outside the bbox, e.g. {outside[:3]}"
        ids = {f["id"] for f in feats}
        assert matched == len(feats) == len(ids) == expected, \
            f"numberMatched {matched}, followed {len(feats)} ({len(ids)} distinct), " \
            f"intersecting in the full download {expected}"
        return (f"bbox {bbox_arg}: {len(feats)} roads in {pages} pages of 100, every next link keeps bbox, every "
                f"feature intersects it, ids distinct; = numberMatched {matched} = {expected} counted in the "
                f"full paged download of {len(roads)}")
    check("OAPIF roads bbox paging keeps the bbox", bbox_paging)

    def cql2_filter():
        wanted = {"primary", "secondary", "tertiary"}
        roads = s["feats"]["roads"]
        expected = sum(1 for f in roads if f["properties"].get("class") in wanted
                       and f["properties"].get("name") is not None and intersects(f["geometry"], box))
        # OWSLib passes filter and filter-lang through to /items as they are
        r = s["api"].collection_items("roads", bbox=box, limit=20, filter=CQL2_ROADS, **{"filter-lang": "cql2-text"})
        url = next(l["href"] for l in r["links"] if l["rel"] == "self")
        feats, pages, matched, nexts = follow(url, 20)
        lost = [u for u in nexts if "filter=" not in u or "bbox=" not in u]
        assert not lost, f"{len(lost)} next link(s) without the filter or bbox, e.g. {lost[0]}"
        wrong = [f["id"] for f in feats if f["properties"].get("class") not in wanted or not f["properties"].get("name")]
        assert not wrong, f"{len(wrong)} feature(s) the filter should have left out, e.g. {wrong[:3]}"
        assert matched == len(feats) == expected > 0, \
            f"numberMatched {matched}, followed {len(feats)}, in the full download {expected}"
        return (f"filter {CQL2_ROADS!r} with bbox {bbox_arg}: {len(feats)} roads in {pages} pages of 20, next links "
                f"keep filter and bbox; = numberMatched {matched} = {expected} evaluated in Python on the full download")
    check("OAPIF roads CQL2 filter (Part 3) with bbox and paging", cql2_filter)
    print(f"owslib-checks: {FAILS} failed", flush=True)
    return FAILS


def main(argv):
    cmd = argv[1]
    if cmd == "owslib":
        return 1 if owslib_checks(argv[2].rstrip("/"), argv[3], argv[4]) else 0
    if cmd == "pixels":
        bg = tuple(int(argv[3][i:i + 2], 16) for i in (0, 2, 4)) if len(argv) > 3 else (255, 255, 255)
        n, total = non_background(argv[2], bg)
        print(n, total)
    elif cmd == "count-in-bbox":
        box = [float(v) for v in argv[3].split(",")]
        print(sum(1 for f in features_of(argv[2]) if intersects(f["geometry"], box)))
    elif cmd == "in-tile":
        z, x, y, buf = (int(v) for v in argv[3:7])
        b = tile_box_merc(z, x, y, buf)
        print(sum(1 for f in features_of(argv[2]) if intersects(to_merc(f["geometry"]), b)))
    elif cmd == "tile":
        print(*tile_of(float(argv[2]), float(argv[3]), int(argv[4])))
    elif cmd == "json":
        d = get_json(argv[2])
        print(eval(argv[3], {}, {"d": d}))
    else:
        raise SystemExit(f"unknown command {cmd}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/python3
"""Checks of a layer of one's own (imported with `import layer FILE --as NAME`) for client-checks.sh, with OWSLib and
PyQGIS (headless), every figure compared with the source file as read here with the json module:
  - OWSLib: the WMS lists the layer, queryable; GetMap draws it; GetFeatureInfo at a point inside a known feature
    answers that feature's attribute value; OGC API - Features gives every feature with the file's attribute values
  - PyQGIS: the OAPIF provider reads every feature and attribute value; the WMS layer and the vector tiles render

Usage: own_layer_checks.py BASE OUTDIR NAME SOURCE.geojson LON LAT ATTRIBUTE VALUE
Prints PASS/FAIL lines; the exit code is the number failed.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from client_checks import get_json, non_background  # noqa: E402

base, out, name, source, lon, lat, attribute, value = sys.argv[1:9]
lon, lat = float(lon), float(lat)
with open(source) as f:
    src = json.load(f)["features"]
want_values = sorted(str(f["properties"][attribute]) for f in src)
fails = 0


def check(label, fn):
    global fails
    t = time.perf_counter()
    try:
        print(f"PASS own layer {name}: {label}: {fn()} ({time.perf_counter() - t:.2f}s)", flush=True)
    except Exception as e:  # a failed check reports and the next one runs
        fails += 1
        print(f"FAIL own layer {name}: {label}: {type(e).__name__}: {str(e)[:400]} ({time.perf_counter() - t:.2f}s)",
              flush=True)


def owslib_wms():
    from owslib.wms import WebMapService
    wms = WebMapService(base + "/ogc/wms", version="1.3.0", timeout=60)
    assert name in wms.contents and wms[name].queryable, f"layers {sorted(wms.contents)}"
    box = (lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5)
    img = wms.getmap(layers=[name], styles=[""], srs="EPSG:4326", bbox=box, size=(256, 256), format="image/png")
    path = f"{out}/owslib-{name}.png"
    with open(path, "wb") as fh:
        fh.write(img.read())
    n, total = non_background(path)
    assert n >= total // 2, f"{n} of {total} pixels drawn"
    info = wms.getfeatureinfo(layers=[name], styles=[""], srs="EPSG:4326", bbox=box, size=(256, 256),
                              format="image/png", query_layers=[name], info_format="application/json",
                              xy=(128, 128))
    props = [f["properties"] for f in json.loads(info.read())["features"]]
    got = [str(p.get(attribute)) for p in props]
    assert got == [value], f"GetFeatureInfo at {lon},{lat}: {props}"
    return f"listed and queryable; GetMap 256x256 around {lon},{lat}: {n} of {total} pixels drawn; " \
           f"GetFeatureInfo there: {attribute}={got[0]}"


def owslib_oapif():
    from owslib.ogcapi.features import Features
    api = Features(base + "/ogc/features", timeout=60)
    assert name in [c["id"] for c in api.collections()["collections"]]
    items = api.collection_items(name, limit=1000)
    got = sorted(str(f["properties"][attribute]) for f in items["features"])
    assert items["numberMatched"] == len(src) and got == want_values, f"{items['numberMatched']} features, {got}"
    queryables = get_json(f"{base}/ogc/features/collections/{name}/queryables")["properties"]
    assert attribute in queryables, sorted(queryables)
    return f"{len(got)} features = the file's, {attribute} values {got}; {attribute} is queryable"


check("OWSLib WMS", owslib_wms)
check("OWSLib OGC API - Features", owslib_oapif)

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,  # noqa: E402
                       QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorLayer, QgsVectorTileLayer)
import qgis_render  # noqa: E402

app = QgsApplication([], False)
app.initQgis()


def render(layer, crs, rect, path):
    n, total, errors = qgis_render.render(layer, crs, rect, path, 256)
    assert not errors, errors
    return n, total


def qgis_oapif():
    layer = QgsVectorLayer(f"url='{base}/ogc/features' typename='{name}'", name, "OAPIF")
    assert layer.isValid(), "OAPIF layer invalid"
    got = sorted(str(f[attribute]) for f in layer.getFeatures())
    assert layer.featureCount() == len(src) and got == want_values, f"{layer.featureCount()} features, {got}"
    return f"{len(got)} features, {attribute} values = the file's"


def qgis_wms():
    layer = QgsRasterLayer(f"crs=EPSG:4326&format=image/png&layers={name}&styles=&url={base}/ogc/wms", name, "wms")
    assert layer.isValid(), layer.error().summary()[:300]
    n, total = render(layer, "EPSG:4326", QgsRectangle(lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5),
                      f"{out}/qgis-{name}-wms.png")
    assert n >= total // 2, f"{n} of {total} pixels drawn"
    return f"WMS layer rendered 256x256 around {lon},{lat}: {n} of {total} pixels drawn"


def qgis_tiles():
    layer = QgsVectorTileLayer(f"type=xyz&url={base}/tiles/{name}/{{z}}/{{x}}/{{y}}.mvt&zmin=0&zmax=14", name)
    assert layer.isValid(), layer.error().summary()[:300]
    t = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:3857"),
                               QgsProject.instance())
    rect = t.transformBoundingBox(QgsRectangle(lon - 2, lat - 2, lon + 2, lat + 2))
    n, total = render(layer, "EPSG:3857", rect, f"{out}/qgis-{name}-mvt.png")
    assert n >= total // 100, f"{n} of {total} pixels drawn"
    return f"vector tiles rendered 256x256 around {lon},{lat}: {n} of {total} pixels drawn"


check("QGIS OAPIF provider", qgis_oapif)
check("QGIS WMS raster layer", qgis_wms)
check("QGIS vector tile layer", qgis_tiles)
print(f"own-layer-checks: {fails} failed", flush=True)
app.exitQgis()
sys.exit(fails)

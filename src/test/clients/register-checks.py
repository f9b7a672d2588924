#!/usr/bin/python3
"""Editing the cluster register with real clients, for client-checks.sh (or alone against any server):

  - QGIS 3.22's OAPIF provider (PyQGIS) cannot edit: its capabilities hold no AddFeatures, ChangeAttributeValues,
    ChangeGeometries or DeleteFeatures, startEditing() is refused and the provider's changeAttributeValues() and
    changeGeometryValues() answer False without sending anything (the cluster keeps its ETag). Editing over OAPIF came
    with QGIS 3.32; if this QGIS can edit, the edit is made through it and committed instead.
  - GDAL 3.6's OAPIF driver cannot write either: the driver offers Open() only and ogr2ogr -update is refused.
  - So the edit is made the way OGC API - Features Part 4 describes, with Python's urllib: POST a cluster; GET its
    ETag; PATCH an attribute and the geometry with If-Match; the same PATCH with the stale tag is 412 and changes
    nothing; GET shows the change with the new tag; the history lists the update field by field; a bad value is 400
    naming the field; DELETE retires it; a restore brings it back.
  - Every change is read back through the clients' own readers: QGIS's OAPIF provider, GDAL's OAPIF driver (ogrinfo)
    and OWSLib's OGC API client.

Prints PASS/FAIL lines with the figures, then "register-checks: N failed"; the exit code is the number failed.
usage: /usr/bin/python3 src/test/clients/register-checks.py http://localhost:8080 EDITOR_KEY
  (Debian's python3 with python3-owslib, python3-qgis and gdal-bin; QT_QPA_PLATFORM=offscreen when headless)
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from owslib.ogcapi.features import Features
from qgis.core import (Qgis, QgsApplication, QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsVectorDataProvider,
                       QgsVectorLayer)

BASE, KEY = sys.argv[1].rstrip("/"), sys.argv[2]
OGC = BASE + "/ogc/features"
ITEMS = OGC + "/collections/clusters/items"
EDIT_CAPS = ["AddFeatures", "DeleteFeatures", "ChangeAttributeValues", "ChangeGeometries"]
fails = 0
state = {}  # what the steps learn: id, tags


def check(name, fn):
    global fails
    t = time.perf_counter()
    try:
        print(f"PASS register: {name}: {fn()} ({time.perf_counter() - t:.2f}s)", flush=True)
    except Exception as e:  # a failed check reports and the next one runs
        fails += 1
        print(f"FAIL register: {name}: {type(e).__name__}: {str(e)[:400]} ({time.perf_counter() - t:.2f}s)",
              flush=True)


def http(method, url, body=None, headers=None, key=True):
    h = {"X-API-Key": KEY} if key else {}
    h.update(headers or {})
    if body is not None:
        h.setdefault("Content-Type", "application/geo+json")
    r = urllib.request.Request(url, data=json.dumps(body).encode() if body is not None else None, method=method,
                               headers=h)
    try:
        with urllib.request.urlopen(r, timeout=60) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get(cid):
    """GET of the item without credentials, as a reader: status, ETag, feature (or the error body)."""
    s, h, b = http("GET", ITEMS + "/" + cid, key=False)
    return s, h.get("ETag"), json.loads(b) if b else {}


def owslib_item(cid):
    try:
        return Features(OGC).collection_item("clusters", cid)
    except Exception as e:  # OWSLib raises on a 404
        return {"error": str(e)}


# GDAL 3.6 sends no User-Agent of its own: name it, so that the server's access log tells its requests apart
GDAL_VERSION = subprocess.run(["ogrinfo", "--version"], capture_output=True, text=True).stdout.split(",")[0]
GDAL_ENV = dict(os.environ, GDAL_HTTP_USERAGENT=GDAL_VERSION.replace(" ", "/"))


def ogrinfo(*args):
    return subprocess.run(["ogrinfo", "-ro", "OAPIF:" + OGC, "clusters", *args], capture_output=True, text=True,
                          timeout=300, env=GDAL_ENV).stdout


def gdal_props(cid):
    """The cluster as GDAL's OAPIF driver reads it: {field: value as printed, 'geometry': WKT}."""
    props = {}
    for line in ogrinfo("-q", "-where", "cluster_grid_id = '%s'" % cid).splitlines():
        line = line.strip()
        if " = " in line and "(" in line.split(" = ")[0]:
            props[line.split(" (")[0]] = line.split(" = ", 1)[1]
        if line.startswith(("POINT", "POLYGON", "MULTIPOLYGON")):
            props["geometry"] = line
    return props


def qgis_layer():
    """A fresh QGIS OAPIF layer of the clusters (its own feature cache)."""
    layer = QgsVectorLayer(f"url='{OGC}' typename='clusters'", "clusters", "OAPIF")
    assert layer.isValid(), "QGIS OAPIF layer of the clusters is not valid"
    return layer


def qgis_feature(layer, cid):
    found = list(layer.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"cluster_grid_id\" = '{cid}'")))
    assert len(found) <= 1, f"QGIS found {len(found)} clusters {cid}"
    return found[0] if found else None


app = QgsApplication([], False)
app.initQgis()
print(f"register-checks: QGIS {Qgis.QGIS_VERSION}", flush=True)

FEATURE = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [80.25, 20.31]},
           "properties": {"name": "Client check looms", "typology": "artisanal_craft", "firms": 40,
                          "attributes": {"country_iso2": "IN"}}}
MOVED = [80.26, 20.32]


def create():
    s, h, b = http("POST", ITEMS, FEATURE, {"Change-Comment": "client check"})
    assert s == 201, f"POST {s}: {b[:200]}"
    cid = json.loads(b)["id"]
    assert h.get("Location", "").endswith("/items/" + cid) and h.get("ETag") and h.get("Cluster-Version") == "1", \
        f"Location {h.get('Location')}, ETag {h.get('ETag')}, Cluster-Version {h.get('Cluster-Version')}"
    state.update(cid=cid, created_tag=h["ETag"])
    return f"POST 201, id {cid}, Location {h['Location']}, ETag {h['ETag']}, Cluster-Version 1"
check("create (POST with the editor key)", create)


def qgis_cannot_edit():
    cid = state["cid"]
    layer = qgis_layer()
    p = layer.dataProvider()
    caps = p.capabilities()
    flags = sorted(n for n in dir(QgsVectorDataProvider)
                   if isinstance(getattr(QgsVectorDataProvider, n), QgsVectorDataProvider.Capability)
                   and caps & getattr(QgsVectorDataProvider, n))
    f = qgis_feature(layer, cid)
    assert f is not None, f"QGIS does not read {cid}"
    if caps & QgsVectorDataProvider.ChangeAttributeValues:
        # a QGIS whose OAPIF provider edits (3.32 and later): edit through it, commit, and read the result back
        assert layer.startEditing(), "startEditing() refused"
        layer.changeAttributeValue(f.id(), layer.fields().indexOf("firms"), 41)
        layer.changeGeometry(f.id(), QgsGeometry.fromPointXY(QgsPointXY(80.255, 20.315)))
        committed = layer.commitChanges()
        s, tag, read = get(cid)
        assert committed, f"commitChanges() failed: {layer.commitErrors()}"
        return f"QGIS {Qgis.QGIS_VERSION} capabilities {flags}: edited and committed; firms now " \
               f"{read['properties']['firms']}, ETag {tag}"
    missing = [c for c in EDIT_CAPS if not caps & getattr(QgsVectorDataProvider, c)]
    started = layer.startEditing()
    firms = layer.fields().indexOf("firms")
    changed = p.changeAttributeValues({f.id(): {firms: 46}})
    moved = p.changeGeometryValues({f.id(): QgsGeometry.fromPointXY(QgsPointXY(80.3, 20.4))})
    s, tag, read = get(cid)
    assert missing == EDIT_CAPS and not started and not changed and not moved, \
        f"capabilities {flags}, startEditing {started}, changeAttributeValues {changed}, changeGeometryValues {moved}"
    assert tag == state["created_tag"] and read["properties"]["firms"] == 40, f"after QGIS: ETag {tag}, {read}"
    return f"QGIS {Qgis.QGIS_VERSION} OAPIF provider capabilities {int(caps)} = {flags} " \
           f"('{p.capabilitiesString()}'), none of {', '.join(EDIT_CAPS)}; startEditing() {started}, " \
           f"provider changeAttributeValues() {changed}, changeGeometryValues() {moved}; " \
           f"the cluster still has firms 40 and ETag {tag}"
check("QGIS cannot edit over OAPIF", qgis_cannot_edit)


def gdal_cannot_write():
    fmt = subprocess.run(["ogrinfo", "--format", "OAPIF"], capture_output=True, text=True).stdout
    supports = [line.split("Supports: ")[1].split(" - ")[0] for line in fmt.splitlines() if "Supports: " in line]
    with tempfile.NamedTemporaryFile("w", suffix=".geojson") as fh:
        json.dump({"type": "FeatureCollection", "features": [FEATURE]}, fh)
        fh.flush()
        out = subprocess.run(["ogr2ogr", "-update", "-append", "-nln", "clusters", "OAPIF:" + OGC, fh.name],
                             capture_output=True, text=True, timeout=120, env=GDAL_ENV)
    err = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""
    s, tag, read = get(state["cid"])
    assert supports == ["Vector", "Open()"] and out.returncode != 0 and "Unable to open existing output" in err, \
        f"driver supports {supports}; ogr2ogr -update exit {out.returncode}: {err}"
    assert tag == state["created_tag"], f"after GDAL: ETag {tag}"
    return f"{GDAL_VERSION}: driver OAPIF supports {' and '.join(supports)} only; ogr2ogr -update -append exits " \
           f"{out.returncode}: '{err}'"
check("GDAL's OAPIF driver cannot write", gdal_cannot_write)


def read_tag():
    s, tag, read = get(state["cid"])
    assert s == 200 and tag == state["created_tag"], f"GET {s}, ETag {tag}, created with {state['created_tag']}"
    state["tag"] = tag
    return f"GET 200, ETag {tag} (as created: QGIS and GDAL changed nothing)"
check("GET the ETag", read_tag)


def patch():
    s, h, b = http("PATCH", ITEMS + "/" + state["cid"],
                   {"properties": {"firms": 45}, "geometry": {"type": "Point", "coordinates": MOVED}},
                   {"Content-Type": "application/merge-patch+json", "If-Match": state["tag"],
                    "Change-Comment": "client check: five new units, moved"})
    new = h.get("ETag")
    assert s == 200 and new and new != state["tag"] and h.get("Cluster-Version") == "2", \
        f"PATCH {s}, ETag {state['tag']} -> {new}, Cluster-Version {h.get('Cluster-Version')}: {b[:200]}"
    state["new_tag"] = new
    return f"PATCH firms 40 -> 45 and the point to {MOVED} with If-Match {state['tag']}: 200, ETag {new}, " \
           f"Cluster-Version 2"
check("PATCH with If-Match", patch)


def stale():
    s, h, b = http("PATCH", ITEMS + "/" + state["cid"], {"properties": {"name": "Lost"}},
                   {"Content-Type": "application/merge-patch+json", "If-Match": state["tag"]})
    _, tag, read = get(state["cid"])
    desc = json.loads(b).get("description", "") if b else ""
    assert s == 412 and read["properties"]["name"] == "Client check looms" and tag == state["new_tag"], \
        f"PATCH with the stale tag {s}; name {read['properties']['name']}, ETag {tag}"
    return f"PATCH with the stale tag {state['tag']}: 412 ({desc[:90]}); name still " \
           f"'{read['properties']['name']}', ETag still {tag}"
check("lost update refused", stale)


def get_shows():
    s, tag, read = get(state["cid"])
    p, g = read["properties"], read["geometry"]
    assert s == 200 and p["firms"] == 45 and g["coordinates"] == MOVED and tag == state["new_tag"], \
        f"GET {s}: firms {p['firms']}, geometry {g}, ETag {tag}"
    return f"GET 200: firms {p['firms']}, geometry {g['type']} {g['coordinates']}, ETag {tag} as the PATCH answered"
check("GET shows the change", get_shows)


def history():
    s, h, b = http("GET", BASE + "/api/clusters/%s/history" % state["cid"])
    versions = json.loads(b)["versions"]
    actions = [v["action"] for v in versions]
    up = versions[-1]
    changes = {c["field"]: c for c in up["changes"]}
    moved = changes.get("geometry", {}).get("to", {}).get("centroid_moved_m")
    assert s == 200 and actions == ["create", "update"] and set(changes) == {"firms", "geometry"} \
        and (changes["firms"]["from"], changes["firms"]["to"]) == (40, 45) and moved and 1000 < moved < 2000 \
        and up["comment"] == "client check: five new units, moved", f"history {s}: {b[:400]}"
    return f"versions {actions}; version 2 by {up['actor']}, comment '{up['comment']}': firms 40 -> 45, " \
           f"geometry centroid moved {moved} m"
check("the history lists the update", history)


def qgis_reads():
    f = qgis_feature(qgis_layer(), state["cid"])
    assert f is not None, "QGIS does not read the cluster"
    wkt = f.geometry().asWkt(2)
    # QGIS 3.22 guesses field types from the features it reads first: firms may come as text when they lack it
    firms, kind = f["firms"], f.fields().field("firms").typeName()
    assert str(firms) in ("45", "45.0") and wkt == "Point (80.26 20.32)", f"firms {firms!r} ({kind}), {wkt}"
    return f"firms {firms} (field type {kind}), {wkt}"
check("QGIS's OAPIF provider reads the change", qgis_reads)


def gdal_reads():
    g = gdal_props(state["cid"])
    assert g.get("firms") == "45" and g.get("geometry") == "POINT (80.26 20.32)", g
    return f"ogrinfo OAPIF -where cluster_grid_id: firms {g['firms']}, {g['geometry']}"
check("GDAL's OAPIF driver reads the change", gdal_reads)


def owslib_reads():
    read = owslib_item(state["cid"])
    p = read.get("properties", {})
    assert p.get("firms") == 45 and read.get("geometry", {}).get("coordinates") == MOVED, read
    return f"collection_item: firms {p['firms']}, geometry {read['geometry']['coordinates']}"
check("OWSLib reads the change", owslib_reads)


def bad_value():
    s, h, b = http("PUT", ITEMS + "/" + state["cid"], {"type": "Feature", "geometry": FEATURE["geometry"],
                                                       "properties": {"firms": "many"}}, {"If-Match": state["new_tag"]})
    assert s == 400 and json.loads(b).get("field") == "firms", f"PUT {s}: {b[:200]}"
    return f"PUT firms 'many': 400, {b.decode()[:110]}"
check("a bad value is refused naming the field", bad_value)


def retire():
    s, h, b = http("DELETE", ITEMS + "/" + state["cid"], None, {"If-Match": state["new_tag"]})
    read = owslib_item(state["cid"])
    n = ogrinfo("-so", "-where", "cluster_grid_id = '%s'" % state["cid"]).split("Feature Count: ")[1].split()[0]
    q = qgis_feature(qgis_layer(), state["cid"])
    assert s == 204 and "error" in read and n == "0" and q is None, \
        f"DELETE {s}; OWSLib {read}; GDAL feature count {n}; QGIS {q}"
    return f"DELETE 204; OWSLib: {read['error'][:50]}; GDAL feature count {n}; QGIS reads no such cluster"
check("retire", retire)


def restore():
    s, h, b = http("POST", BASE + "/api/clusters/%s/history/2/restore" % state["cid"])
    read = owslib_item(state["cid"])
    actions = [v["action"] for v in json.loads(http("GET", BASE + "/api/clusters/%s/history" % state["cid"])[2])
               ["versions"]]
    assert s == 200 and read.get("properties", {}).get("firms") == 45 \
        and actions == ["create", "update", "retire", "restore"], f"restore {s}; OWSLib {read}; history {actions}"
    return f"restore of version 2: 200; OWSLib firms {read['properties']['firms']}; history {actions}"
check("restore", restore)

print(f"register-checks: {fails} failed", flush=True)
app.exitQgis()
sys.exit(fails)

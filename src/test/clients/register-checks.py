#!/usr/bin/python3
"""Edits the cluster register over OGC API - Features Part 4 with plain HTTP (neither OWSLib 0.27 nor GDAL 3.6 can
write to an OGC API) and checks every change the way GIS clients read it: OWSLib's OGC API client and GDAL's OAPIF
driver. Prints PASS/FAIL lines with the figures; the exit code says whether all passed.

usage: /usr/bin/python3 src/test/clients/register-checks.py http://localhost:8080 EDITOR_KEY
"""
import json
import subprocess
import sys
import urllib.error
import urllib.request

from owslib.ogcapi.features import Features

BASE, KEY = sys.argv[1].rstrip("/"), sys.argv[2]
OGC = BASE + "/ogc/features"
ITEMS = OGC + "/collections/clusters/items"
failures = 0


def check(name, ok, detail):
    global failures
    failures += 0 if ok else 1
    print(("PASS " if ok else "FAIL ") + name + ": " + detail)


def http(method, url, body=None, headers=None):
    h = {"X-API-Key": KEY}
    h.update(headers or {})
    if body is not None:
        h.setdefault("Content-Type", "application/geo+json")
    r = urllib.request.Request(url, data=json.dumps(body).encode() if body is not None else None, method=method,
                               headers=h)
    try:
        with urllib.request.urlopen(r) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def owslib_item(cid):
    try:
        return Features(OGC).collection_item("clusters", cid)
    except Exception as e:  # OWSLib raises on a 404
        return {"error": str(e)}


def gdal_props(cid):
    out = subprocess.run(["ogrinfo", "-ro", "-q", "OAPIF:" + OGC, "clusters", "-where",
                          "cluster_grid_id = '%s'" % cid], capture_output=True, text=True, timeout=300).stdout
    props = {}
    for line in out.splitlines():
        line = line.strip()
        if " = " in line and "(" in line.split(" = ")[0]:
            props[line.split(" (")[0]] = line.split(" = ", 1)[1]
        if line.startswith(("POINT", "POLYGON", "MULTIPOLYGON")):
            props["geometry"] = line
    return props


feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [80.25, 20.31]},
           "properties": {"name": "Client check looms", "typology": "artisanal_craft", "firms": 40,
                          "attributes": {"country_iso2": "IN"}}}
s, h, b = http("POST", ITEMS, feature, {"Change-Comment": "client check"})
cid = json.loads(b).get("id") if s == 201 else None
check("create", s == 201 and h.get("Location", "").endswith("/items/" + str(cid)) and h.get("ETag"),
      "POST %d, id %s, Location %s, ETag %s" % (s, cid, h.get("Location"), h.get("ETag")))
tag = h.get("ETag")
read = owslib_item(cid)
check("OWSLib reads the new cluster", read.get("properties", {}).get("firms") == 40,
      "firms %s, name %s" % (read.get("properties", {}).get("firms"), read.get("properties", {}).get("name")))

s, h, b = http("PATCH", ITEMS + "/" + cid, {"properties": {"firms": 45}, "geometry":
               {"type": "Point", "coordinates": [80.26, 20.32]}},
               {"Content-Type": "application/merge-patch+json", "If-Match": tag})
new_tag = h.get("ETag")
check("update", s == 200 and new_tag and new_tag != tag, "PATCH %d, ETag %s -> %s" % (s, tag, new_tag))
read = owslib_item(cid)
check("OWSLib reads the update", read.get("properties", {}).get("firms") == 45
      and read.get("geometry", {}).get("coordinates") == [80.26, 20.32],
      "firms %s, geometry %s" % (read.get("properties", {}).get("firms"), read.get("geometry")))
g = gdal_props(cid)
check("GDAL's OAPIF driver reads the update", g.get("firms") == "45" and g.get("geometry") == "POINT (80.26 20.32)",
      "firms %s, %s" % (g.get("firms"), g.get("geometry")))

s, h, b = http("PATCH", ITEMS + "/" + cid, {"properties": {"name": "Lost"}},
               {"Content-Type": "application/merge-patch+json", "If-Match": tag})
read = owslib_item(cid)
check("lost update refused", s == 412 and read.get("properties", {}).get("name") == "Client check looms",
      "PATCH with the old ETag %d; name still %s" % (s, read.get("properties", {}).get("name")))
s, h, b = http("PUT", ITEMS + "/" + cid, {"type": "Feature", "geometry": feature["geometry"],
                                          "properties": {"firms": "many"}}, {"If-Match": new_tag})
check("bad value refused naming the field", s == 400 and json.loads(b).get("field") == "firms",
      "PUT %d, %s" % (s, b.decode()[:120]))

s, h, b = http("DELETE", ITEMS + "/" + cid, None, {"If-Match": new_tag})
read = owslib_item(cid)
n = int(subprocess.run(["ogrinfo", "-ro", "-so", "OAPIF:" + OGC, "clusters", "-where",
                        "cluster_grid_id = '%s'" % cid], capture_output=True, text=True, timeout=300)
        .stdout.split("Feature Count: ")[1].split()[0])
check("retire", s == 204 and "error" in read and n == 0, "DELETE %d; OWSLib: %s; GDAL feature count %d"
      % (s, read.get("error", "read it")[:60], n))

s, h, b = http("POST", BASE + "/api/clusters/%s/history/2/restore" % cid)
read = owslib_item(cid)
history = json.loads(http("GET", BASE + "/api/clusters/%s/history" % cid)[2])
actions = [v["action"] for v in history["versions"]]
check("restore", s == 200 and read.get("properties", {}).get("firms") == 45
      and actions == ["create", "update", "retire", "restore"],
      "restore %d; OWSLib firms %s; history %s" % (s, read.get("properties", {}).get("firms"), actions))

print("%s: %d failure(s)" % ("PASS" if failures == 0 else "FAIL", failures))
sys.exit(1 if failures else 0)

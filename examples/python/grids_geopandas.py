"""Grids with geopandas: a synthetic 胜利街道 as a GeoDataFrame (boundaries apart), residents' reports
with Amap (GCJ-02) coordinates converted to WGS84 and located by grid code, the frame read back as a
map, and the administrative ladder as a networkx graph.

Needs the extras geo and networkx: pip install 'grassroots[geo,networkx]'.
"""

from __future__ import annotations

import geopandas as gpd
import networkx as nx
import numpy as np

import grassroots as gr

tree = gr.datasets.dongying()
city = gr.synthetic_city(tree, "370502005", seed=7)  # 胜利街道, lon/lat around Dongying

# The grids as a GeoDataFrame, and the community boundaries as a frame of their own.
grids = city.map.to_geopandas()
boundaries = city.map.boundaries_to_geopandas()
print(f"{len(grids)} grids and {len(boundaries)} community boundaries, CRS {grids.crs.to_string()}")
print(grids[["code", "name", "households", "area_m2"]].head(3).to_string())

# Reports as a phone app on Amap gives them: GCJ-02. Convert to WGS84 before locating.
rng = np.random.default_rng(15)
picked = rng.choice(len(city.buildings), size=1000, replace=False)
wgs_lon, wgs_lat = city.buildings[picked, 0], city.buildings[picked, 1]
amap_lon, amap_lat = gr.convert_lonlat(wgs_lon, wgs_lat, "wgs84", "gcj02")  # what the app recorded
shift_m = np.hypot((amap_lon - wgs_lon) * 88_000, (amap_lat - wgs_lat) * 111_000)
print(f"GCJ-02 moved the reports by {shift_m.min():.0f}–{shift_m.max():.0f} m")
lon, lat = gr.convert_lonlat(amap_lon, amap_lat, "gcj02", "wgs84")
reports = gpd.GeoSeries(gpd.points_from_xy(lon, lat), crs="EPSG:4326")

# locate gives grid codes: a Series of a Categorical with the reports' index.
codes = city.map.locate(reports)
unconverted = city.map.locate(gpd.GeoSeries(gpd.points_from_xy(amap_lon, amap_lat), crs="EPSG:4326"))
print(f"reports in a grid: {codes.notna().sum()} of {len(codes)}; "
      f"left in GCJ-02, {int((unconverted != codes).sum())} would land in another grid or none")
per_grid = codes.value_counts().rename("reports")
busiest = grids.set_index("code").join(per_grid).sort_values("reports", ascending=False)
print(busiest[["name", "households", "reports"]].head(3).to_string())

# A projected frame reads back as a map in metres, with its EPSG code.
projected = gr.GridMap.from_geopandas(grids.to_crs("EPSG:32650"), boundaries=boundaries)
print(f"read back: {projected!r}, EPSG:{projected.epsg}")

# The ladder as a networkx graph: descendants are the subtree.
ladder = tree.to_networkx()
print(f"东营区 has {len(nx.descendants(ladder, '370502'))} units below it; "
      f"胜利街道's parent is {ladder.nodes[next(ladder.predecessors('370502005'))]['name']}")

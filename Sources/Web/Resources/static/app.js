// Marsad dashboard: evidence highlighting and SVG charts drawn from the JSON API.
// No inline scripts, no external requests; text reaches the page through textContent only.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const COLORS = { AGREE: "#2e7d32", CONSULT: "#1565c0", SUPPORT: "#00897b", CONCEDE: "#7cb342", COOPERATE: "#3949ab", AID: "#00acc1",
  RETREAT: "#9e9d24", REQUEST: "#f9a825", ACCUSE: "#ef6c00", REJECT: "#8d6e63", THREATEN: "#d84315", PROTEST: "#6a1b9a",
  SANCTION: "#5d4037", MOBILIZE: "#ad1457", COERCE: "#c62828", ASSAULT: "#b71c1c" };

function el(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(url + ": " + response.status);
  return response.json();
}

function message(container, text) {
  const p = document.createElement("p");
  p.className = "small";
  p.textContent = text;
  container.appendChild(p);
}

// Reader: clicking an event outlines the spans of its evidence.
function setUpReader() {
  const spans = Array.from(document.querySelectorAll("#article span[data-start]"));
  for (const item of document.querySelectorAll(".event-item")) {
    item.querySelector("button").addEventListener("click", () => {
      for (const span of spans) span.classList.remove("evidence");
      const ranges = (item.dataset.evidence || "").split(" ").filter(Boolean).map((r) => r.split("-").map(Number));
      let first = null;
      for (const span of spans) {
        const start = Number(span.dataset.start), end = Number(span.dataset.end);
        if (ranges.some(([s, e]) => start < e && s < end)) {
          span.classList.add("evidence");
          first = first || span;
        }
      }
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  }
}

// Timeline: events per day, stacked by type.
async function drawTimeline(container) {
  const actor = container.dataset.actor;
  const data = await getJSON("/api/timeline" + (actor ? "?actor=" + encodeURIComponent(actor) : ""));
  const buckets = data.buckets || [];
  if (!buckets.length) return message(container, "لا أحداث مؤرخة بعد.");
  const days = [...new Set(buckets.map((b) => b.date))].sort();
  const totals = {};
  for (const b of buckets) totals[b.date] = (totals[b.date] || 0) + b.count;
  const max = Math.max(...Object.values(totals));
  const width = 900, height = 260, left = 30, bottom = 40, barWidth = Math.max(2, (width - left) / days.length - 2);
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "timeline" }, container);
  const stacked = {};
  for (const b of buckets) {
    const i = days.indexOf(b.date);
    const base = stacked[b.date] || 0;
    const h = (height - bottom - 10) * b.count / max;
    const y = height - bottom - base - h;
    const rect = el("rect", { x: left + i * (barWidth + 2), y, width: barWidth, height: h, fill: COLORS[b.type] || "#888" }, svg);
    el("title", {}, rect).textContent = `${b.date} ${b.type}: ${b.count}`;
    stacked[b.date] = base + h;
  }
  const step = Math.ceil(days.length / 8);
  days.forEach((day, i) => {
    if (i % step) return;
    const label = el("text", { x: left + i * (barWidth + 2), y: height - 20, "font-size": 11, direction: "ltr" }, svg);
    label.textContent = day;
  });
}

// Network: a force layout of actors, edges weighted by event counts.
async function drawNetwork(container) {
  const data = await getJSON("/api/network?limit=300");
  if (!data.nodes.length) return message(container, "لا علاقات بين الفاعلين بعد.");
  const width = 900, height = 600;
  const nodes = data.nodes.map((n, i) => ({ ...n, x: width / 2 + 200 * Math.cos(i), y: height / 2 + 200 * Math.sin(i), vx: 0, vy: 0 }));
  const index = new Map(nodes.map((n) => [n.id, n]));
  const edges = data.edges.filter((e) => index.has(e.source) && index.has(e.target));
  for (let step = 0; step < 300; step++) {
    for (const a of nodes) for (const b of nodes) {
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 25);
      a.vx += 800 * dx / d2; a.vy += 800 * dy / d2;
    }
    for (const e of edges) {
      const a = index.get(e.source), b = index.get(e.target);
      const dx = b.x - a.x, dy = b.y - a.y;
      a.vx += dx * 0.01; a.vy += dy * 0.01; b.vx -= dx * 0.01; b.vy -= dy * 0.01;
    }
    for (const n of nodes) {
      n.vx += (width / 2 - n.x) * 0.002; n.vy += (height / 2 - n.y) * 0.002;
      n.x = Math.min(width - 20, Math.max(20, n.x + n.vx * 0.5)); n.y = Math.min(height - 20, Math.max(20, n.y + n.vy * 0.5));
      n.vx *= 0.6; n.vy *= 0.6;
    }
  }
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "network" }, container);
  for (const e of edges) {
    const a = index.get(e.source), b = index.get(e.target);
    const line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: COLORS[e.type] || "#999", "stroke-width": Math.min(6, 1 + Math.log2(e.weight)), opacity: 0.6 }, svg);
    el("title", {}, line).textContent = `${a.name} → ${b.name}: ${e.type} × ${e.weight}`;
  }
  for (const n of nodes) {
    const link = el("a", { href: "/actors/" + n.id }, svg);
    el("circle", { cx: n.x, cy: n.y, r: 4 + Math.min(10, Math.sqrt(n.events)), fill: "#0b6e4f" }, link);
    const label = el("text", { x: n.x + 8, y: n.y + 4, "font-size": 12 }, link);
    label.textContent = n.name;
  }
}

// Map: event places on an equirectangular projection of the Middle East and North Africa.
async function drawMap(container) {
  const west = -20, east = 65, south = 5, north = 45, width = 900, height = Math.round(900 * (north - south) / (east - west));
  const x = (lon) => (lon - west) / (east - west) * width, y = (lat) => (north - lat) / (north - south) * height;
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "map" }, container);
  try {
    const basemap = await getJSON("/static/basemap.json");
    for (const country of basemap.countries || []) {
      const path = el("path", { d: country.d, fill: "#eef2ee", stroke: "#9aa59a", "stroke-width": 0.6 }, svg);
      el("title", {}, path).textContent = country.name;
    }
  } catch (error) {
    // No outlines: the grid and the events still draw.
  }
  for (let lon = -20; lon <= 65; lon += 10) el("line", { x1: x(lon), y1: 0, x2: x(lon), y2: height, stroke: "#e5e7eb" }, svg);
  for (let lat = 5; lat <= 45; lat += 10) el("line", { x1: 0, y1: y(lat), x2: width, y2: y(lat), stroke: "#e5e7eb" }, svg);
  const places = new Map();
  for (let offset = 0; offset < 2000; offset += 200) {
    const page = await getJSON("/api/events?limit=200&offset=" + offset);
    for (const event of page.items) {
      const loc = event.location;
      if (!loc || loc.lat == null || loc.lon == null) continue;
      const key = loc.name;
      const place = places.get(key) || { ...loc, count: 0 };
      place.count += 1;
      places.set(key, place);
    }
    if (page.items.length < 200) break;
  }
  if (!places.size) return message(container, "لا أحداث بإحداثيات بعد.");
  for (const place of places.values()) {
    if (place.lon < west || place.lon > east || place.lat < south || place.lat > north) continue;
    const circle = el("circle", { cx: x(place.lon), cy: y(place.lat), r: 3 + Math.min(12, Math.sqrt(place.count) * 2), fill: "#b71c1c", opacity: 0.6 }, svg);
    el("title", {}, circle).textContent = `${place.name}: ${place.count}`;
    const label = el("text", { x: x(place.lon) + 6, y: y(place.lat) - 6, "font-size": 11 }, svg);
    label.textContent = place.name;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  if (document.getElementById("article")) setUpReader();
  const charts = { timeline: drawTimeline, network: drawNetwork, map: drawMap };
  for (const [id, draw] of Object.entries(charts)) {
    const container = document.getElementById(id);
    if (container) draw(container).catch((error) => message(container, "تعذر تحميل البيانات: " + error.message));
  }
});

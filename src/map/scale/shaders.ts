// GLSL for the large-data point layer. Time window, trail fade, category mask and
// selection are uniforms: a date step changes a few numbers, never a buffer.
// The window test is repeated in the shader although the draw range already
// covers exactly the window's days, so the picture is exact by construction.

/** The visibility predicate, shared by the drawing and the verification programs. */
const VISIBLE = `
uniform float u_lo;      // first visible day (relative to dayMin), inclusive
uniform float u_hi;      // current day, inclusive
uniform uint u_mask;     // bit k set = category k shown
bool eventVisible(float day, uint cat) {
  return day >= u_lo && day <= u_hi && ((u_mask >> cat) & 1u) == 1u;
}
`;

export function pointVertexSource(prelude: string, define: string): string {
  return `#version 300 es
${prelude}
${define}
precision highp float;
layout(location = 0) in float a_x;
layout(location = 1) in float a_y;
layout(location = 2) in float a_day;
layout(location = 3) in uint a_cat;
layout(location = 4) in float a_size;
${VISIBLE}
uniform vec2 u_offset;      // world copy offset in Mercator units (mercator only)
uniform float u_fade_span;  // days over which the trail fades; 0 = no fade
uniform float u_min_alpha;
uniform float u_point_scale;  // device pixels per size unit
uniform float u_point_base;   // device pixels at size 0
uniform int u_selected;       // vertex id of the selected event, -1 for none
uniform vec3 u_colors[8];
out vec4 v_color;
out float v_ring;
out float v_size;
void main() {
  if (!eventVisible(a_day, a_cat)) {
    // Outside clip space: culled before rasterisation, cheaper than a fragment discard.
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  gl_Position = projectTile(vec2(a_x, a_y) + u_offset);
  float age = u_hi - a_day;
  float alpha = u_fade_span > 0.0 ? max(u_min_alpha, 1.0 - age / u_fade_span) : 1.0;
  bool sel = gl_VertexID == u_selected;
  float size = u_point_base + a_size * u_point_scale;
  if (sel) { size = max(size * 1.8, size + 8.0); alpha = 1.0; }
  gl_PointSize = size;
  v_size = size;
  v_ring = sel ? 1.0 : 0.0;
  v_color = vec4(u_colors[min(a_cat, 7u)] * alpha, alpha);
}`;
}

export const POINT_FRAGMENT = `#version 300 es
precision mediump float;
in vec4 v_color;
in float v_ring;
in float v_size;
out vec4 fragColor;
void main() {
  vec2 p = gl_PointCoord * 2.0 - 1.0;
  float r = length(p);
  float aa = 2.0 / max(v_size, 1.0);
  float edge = 1.0 - smoothstep(1.0 - aa, 1.0, r);
  if (edge <= 0.0) discard;
  vec4 c = v_color;
  // Selected: a dark outer ring around the filled disc.
  if (v_ring > 0.5 && r > 0.7) c = vec4(0.07, 0.07, 0.1, 1.0);
  // Premultiplied alpha, as MapLibre blends.
  fragColor = c * edge;
}`;

/**
 * Verification program: every event the drawing program would show writes one
 * pixel at a position derived from its vertex id, so reading the texture back
 * counts the events the GPU actually accepted (independent of any JS bookkeeping).
 */
export function verifyVertexSource(): string {
  return `#version 300 es
precision highp float;
layout(location = 2) in float a_day;
layout(location = 3) in uint a_cat;
${VISIBLE}
uniform int u_side;
void main() {
  gl_PointSize = 1.0;
  if (!eventVisible(a_day, a_cat)) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  int px = gl_VertexID % u_side;
  int py = gl_VertexID / u_side;
  gl_Position = vec4((float(px) + 0.5) / float(u_side) * 2.0 - 1.0, (float(py) + 0.5) / float(u_side) * 2.0 - 1.0, 0.0, 1.0);
}`;
}

export const VERIFY_FRAGMENT = `#version 300 es
precision mediump float;
out vec4 fragColor;
void main() { fragColor = vec4(1.0); }`;

// The large-data EventRenderer: all events in GPU buffers once, sorted by day; a
// date step sets uniforms and draws only the window's index range
// (drawArrays(first, count)). No MapLibre source, so no tile is ever rebuilt.
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { CATEGORIES, type Category } from '../../events/types';
import type { EventRenderer, TimeView } from '../renderer';
import { dayCategoryCounts, countInWindow, idOf, indexOfId, mercatorX, mercatorY, type EventColumns } from './columns';
import { buildGrid, queryGrid, type PickGrid } from './grid';
import { dayWindow, rangeOfWindow, type DayWindow, type IndexRange } from './window';
import { pointVertexSource, POINT_FRAGMENT, verifyVertexSource, VERIFY_FRAGMENT } from './shaders';

export const DEFAULT_COLORS: Record<Category, string> = {
  strike: '#d7301f',
  'air-defense': '#2b8cbe',
  'prisoner-exchange': '#31a354',
  talks: '#756bb1',
  statement: '#636363',
  casualties: '#000000',
  other: '#e6a100',
};

export interface ScaleRendererOptions {
  layerId?: string;
  /** Insert the layer before this one (e.g. labels). */
  beforeId?: string;
  colors?: Partial<Record<Category, string>>;
  /** Point diameter in CSS px for events without figures, and extra px per 64 size units. */
  pointBasePx?: number;
  pointScalePx?: number;
  /** Older days of a trail fade to this alpha. */
  minAlpha?: number;
  /** Called after each draw (bench, tests). */
  onDraw?: (info: DrawInfo) => void;
  /**
   * 'layer' (default): a MapLibre custom layer, drawn in the map's frame, under the
   * labels (beforeId), in mercator and globe. A date step repaints the whole map.
   * 'overlay': the events on their own WebGL canvas above the map, redrawn in the
   * map's own render event when the camera moves; a date step redraws only the
   * overlay, not the basemap, which on software WebGL is most of a frame.
   * Mercator, north-up, no pitch (the app's settings); events above the labels.
   */
  mode?: 'layer' | 'overlay';
}

export interface DrawInfo {
  window: DayWindow;
  range: IndexRange;
  /** Events drawn (window ∩ categories), from the day × category counts. */
  drawn: number;
  frame: number;
}

export interface ScaleData {
  columns: EventColumns;
  grid?: PickGrid;
  counts?: Uint32Array;
}

interface Program {
  prog: WebGLProgram;
  loc: Record<string, WebGLUniformLocation | null>;
}

export class ScaleRenderer implements EventRenderer {
  readonly columns: EventColumns;
  private grid: PickGrid | null;
  private counts: Uint32Array;
  private map: MapLibreMap | null = null;
  private view: TimeView;
  private mask = (1 << CATEGORIES.length) - 1;
  private selected = -1;
  private frame = 0;
  private last: DrawInfo | null = null;
  private readonly opts: Required<Omit<ScaleRendererOptions, 'beforeId' | 'onDraw' | 'colors'>> & ScaleRendererOptions;
  private overlay: { canvas: HTMLCanvasElement; raf: number; onRender: () => void; onResize: () => void } | null = null;
  private readonly colors: Float32Array;
  // GL state
  private gl: WebGL2RenderingContext | null = null;
  private programs = new Map<string, Program>();
  private verifyProgram: Program | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private buffers: WebGLBuffer[] = [];

  constructor(data: ScaleData, options: ScaleRendererOptions = {}) {
    this.columns = data.columns;
    this.grid = data.grid ?? null;
    this.counts = data.counts ?? dayCategoryCounts(data.columns);
    this.opts = { layerId: 'events-scale', pointBasePx: 4, pointScalePx: 4, minAlpha: 0.25, mode: 'layer', ...options };
    const c = { ...DEFAULT_COLORS, ...options.colors };
    this.colors = new Float32Array(8 * 3);
    CATEGORIES.forEach((cat, k) => this.colors.set(hexToRgb(c[cat]), k * 3));
    this.view = { day: data.columns.dayMin + data.columns.dayCount - 1, mode: 'trail', trailDays: 6 };
  }

  attach(map: MapLibreMap): void {
    this.map = map;
    if (this.opts.mode === 'overlay') this.attachOverlay(map);
    else map.addLayer(this.layer(), this.opts.beforeId);
  }

  detach(): void {
    const map = this.map;
    if (!map) return;
    if (this.overlay) {
      const o = this.overlay;
      cancelAnimationFrame(o.raf);
      map.off('render', o.onRender);
      map.off('resize', o.onResize);
      this.release();
      o.canvas.remove();
      this.overlay = null;
    } else if (map.getLayer(this.opts.layerId)) map.removeLayer(this.opts.layerId); // calls onRemove
    this.map = null;
  }

  /** Redraw after a change of time, categories or selection: only the overlay in overlay mode. */
  private invalidate(): void {
    const o = this.overlay;
    if (!o) {
      this.map?.triggerRepaint();
      return;
    }
    // Latest wins: one overlay draw per animation frame.
    if (!o.raf) o.raf = requestAnimationFrame(() => {
      o.raf = 0;
      this.drawOverlay();
    });
  }

  private attachOverlay(map: MapLibreMap): void {
    const canvas = document.createElement('canvas');
    canvas.className = 'events-scale-overlay';
    canvas.setAttribute('aria-hidden', 'true');
    Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
    map.getCanvasContainer().appendChild(canvas);
    const gl = canvas.getContext('webgl2', { alpha: true, premultipliedAlpha: true, antialias: false, depth: false, stencil: false });
    if (!gl) throw new Error('WebGL 2 is not available for the event overlay');
    const onRender = () => this.drawOverlay();
    const onResize = () => this.sizeOverlay();
    this.overlay = { canvas, raf: 0, onRender, onResize };
    this.sizeOverlay();
    this.upload(gl);
    // The map's render event fires inside its animation frame: the overlay follows
    // every camera move in the same frame.
    map.on('render', onRender);
    map.on('resize', onResize);
    this.drawOverlay();
  }

  private sizeOverlay(): void {
    const o = this.overlay;
    const map = this.map;
    if (!o || !map) return;
    const mc = map.getCanvas();
    const w = mc.clientWidth, h = mc.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    o.canvas.style.width = `${w}px`;
    o.canvas.style.height = `${h}px`;
    o.canvas.width = Math.max(1, Math.round(w * dpr));
    o.canvas.height = Math.max(1, Math.round(h * dpr));
  }

  private drawOverlay(): void {
    const map = this.map;
    const gl = this.gl;
    const o = this.overlay;
    if (!map || !gl || !o || !this.vao) return;
    gl.viewport(0, 0, o.canvas.width, o.canvas.height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    const p = this.program(gl, OVERLAY_SHADER_DATA);
    gl.useProgram(p.prog);
    const m = mercatorToClip(map, o.canvas.clientWidth || o.canvas.width, o.canvas.clientHeight || o.canvas.height);
    this.drawWith(gl, p, OVERLAY_SHADER_DATA.variantName, (L) => gl.uniformMatrix4fv(L.u_projection_matrix!, false, m));
  }

  /**
   * Stores the view and asks for a repaint. MapLibre coalesces repaint requests into
   * its next animation frame and draw() reads the view then: many calls between
   * frames (slider drag, playback) cost one draw of the latest value, with no extra
   * frame of latency.
   */
  setTime(view: TimeView): void {
    this.view = { ...view };
    this.invalidate();
  }

  setCategories(visible: ReadonlySet<Category>): void {
    let m = 0;
    CATEGORIES.forEach((c, k) => {
      if (visible.has(c)) m |= 1 << k;
    });
    this.mask = m;
    this.invalidate();
  }

  setSelected(id: string | null): void {
    if (id === null) this.selected = -1;
    else {
      this.selected = indexOfId(this.columns, id);
    }
    this.invalidate();
  }

  /** The window and index range of the current view. */
  current(): { window: DayWindow; range: IndexRange; drawn: number } {
    const w = dayWindow(this.view, this.columns.dayMin);
    const range = rangeOfWindow(this.columns.dayStart, this.columns.dayMin, w);
    return { window: w, range, drawn: countInWindow(this.counts, this.columns, w.lo, w.hi, this.mask) };
  }

  lastDraw(): DrawInfo | null {
    return this.last;
  }

  /** Sorted indices of the events drawn now (for the list; O(window)). */
  visibleIndices(): Uint32Array {
    const { range } = this.current();
    const out: number[] = [];
    for (let i = range.first; i < range.end; i++) if (this.mask & (1 << this.columns.cat[i]!)) out.push(i);
    return Uint32Array.from(out);
  }

  pick(point: { x: number; y: number }, radiusPx = 6): string[] {
    const map = this.map;
    if (!map) return [];
    this.grid ??= buildGrid(this.columns.x, this.columns.y);
    const ll = map.unproject([point.x, point.y]);
    const mx = mercatorX(ll.lng - 360 * Math.floor((ll.lng + 180) / 360));
    const my = mercatorY(ll.lat);
    // World size in CSS px is 512 · 2^zoom in MapLibre.
    const r = (radiusPx + this.opts.pointBasePx / 2) / (512 * Math.pow(2, map.getZoom()));
    const { range } = this.current();
    const cat = this.columns.cat;
    const mask = this.mask;
    const hits = queryGrid(this.grid, this.columns.x, this.columns.y, {
      mx, my, r, first: range.first, end: range.end, accept: (i) => (mask & (1 << cat[i]!)) !== 0, limit: 50,
    });
    return hits.map((i) => idOf(this.columns, i));
  }

  /**
   * Counts on the GPU the events the current uniforms and draw range accept (one
   * pixel per accepted vertex, read back). Slow (a readPixels); for tests and the bench.
   */
  verifyDrawnOnGpu(): number {
    const gl = this.gl;
    if (!gl || !this.vao) throw new Error('not attached');
    const { window: w, range } = this.current();
    const n = this.columns.count;
    const side = Math.max(1, Math.ceil(Math.sqrt(n)));
    this.verifyProgram ??= this.compile(gl, verifyVertexSource(), VERIFY_FRAGMENT, ['u_lo', 'u_hi', 'u_mask', 'u_side']);
    const p = this.verifyProgram;
    const prevFb = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
    const prevViewport = gl.getParameter(gl.VIEWPORT) as Int32Array;
    const tex = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, side, side, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    const fb = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, tex, 0);
    gl.viewport(0, 0, side, side);
    gl.disable(gl.BLEND);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.disable(gl.SCISSOR_TEST);
    gl.colorMask(true, true, true, true);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.useProgram(p.prog);
    gl.uniform1f(p.loc.u_lo!, w.lo - this.columns.dayMin);
    gl.uniform1f(p.loc.u_hi!, w.hi - this.columns.dayMin);
    gl.uniform1ui(p.loc.u_mask!, this.mask);
    gl.uniform1i(p.loc.u_side!, side);
    gl.bindVertexArray(this.vao);
    if (range.end > range.first) gl.drawArrays(gl.POINTS, range.first, range.end - range.first);
    gl.bindVertexArray(null);
    const px = new Uint8Array(side * side * 4);
    gl.readPixels(0, 0, side, side, gl.RGBA, gl.UNSIGNED_BYTE, px);
    let count = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) count++;
    gl.bindFramebuffer(gl.FRAMEBUFFER, prevFb);
    gl.viewport(prevViewport[0]!, prevViewport[1]!, prevViewport[2]!, prevViewport[3]!);
    gl.deleteFramebuffer(fb);
    gl.deleteTexture(tex);
    return count;
  }

  private layer(): CustomLayerInterface {
    return {
      id: this.opts.layerId,
      type: 'custom',
      renderingMode: '2d',
      onAdd: (_map, gl) => this.upload(gl as WebGL2RenderingContext),
      onRemove: () => this.release(),
      render: (gl, args) => this.draw(gl, args),
    };
  }

  private upload(gl: WebGL2RenderingContext): void {
    this.gl = gl;
    const c = this.columns;
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    // One buffer per column straight from the typed arrays: no interleaving pass.
    // a_day is uploaded as float (Uint16 → float attribute), a_cat as an integer.
    const attr = (loc: number, data: ArrayBufferView, size: number, type: number, integer: boolean, normalized = false) => {
      const b = gl.createBuffer()!;
      this.buffers.push(b);
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
      gl.enableVertexAttribArray(loc);
      if (integer) gl.vertexAttribIPointer(loc, size, type, 0, 0);
      else gl.vertexAttribPointer(loc, size, type, normalized, 0, 0);
    };
    attr(0, c.x, 1, gl.FLOAT, false);
    attr(1, c.y, 1, gl.FLOAT, false);
    attr(2, c.day, 1, gl.UNSIGNED_SHORT, false);
    attr(3, c.cat, 1, gl.UNSIGNED_BYTE, true);
    attr(4, c.size, 1, gl.UNSIGNED_BYTE, false);
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }

  private release(): void {
    const gl = this.gl;
    if (!gl) return;
    for (const b of this.buffers) gl.deleteBuffer(b);
    this.buffers = [];
    if (this.vao) gl.deleteVertexArray(this.vao);
    this.vao = null;
    for (const p of this.programs.values()) gl.deleteProgram(p.prog);
    this.programs.clear();
    if (this.verifyProgram) gl.deleteProgram(this.verifyProgram.prog);
    this.verifyProgram = null;
    this.gl = null;
  }

  private program(gl: WebGL2RenderingContext, shaderData: CustomRenderMethodInput['shaderData']): Program {
    const key = shaderData.variantName;
    let p = this.programs.get(key);
    if (!p) {
      p = this.compile(gl, pointVertexSource(shaderData.vertexShaderPrelude, shaderData.define), POINT_FRAGMENT, [
        'u_projection_matrix', 'u_projection_fallback_matrix', 'u_projection_tile_mercator_coords',
        'u_projection_clipping_plane', 'u_projection_transition',
        'u_lo', 'u_hi', 'u_mask', 'u_offset', 'u_fade_span', 'u_min_alpha', 'u_point_scale', 'u_point_base', 'u_selected', 'u_colors',
      ]);
      this.programs.set(key, p);
    }
    return p;
  }

  private compile(gl: WebGL2RenderingContext, vs: string, fs: string, uniforms: string[]): Program {
    const shader = (type: number, src: string) => {
      const s = gl.createShader(type)!;
      gl.shaderSource(s, src);
      gl.compileShader(s);
      if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`shader: ${gl.getShaderInfoLog(s)}`);
      return s;
    };
    const prog = gl.createProgram()!;
    const v = shader(gl.VERTEX_SHADER, vs);
    const f = shader(gl.FRAGMENT_SHADER, fs);
    gl.attachShader(prog, v);
    gl.attachShader(prog, f);
    gl.linkProgram(prog);
    gl.deleteShader(v);
    gl.deleteShader(f);
    if (!gl.getProgramParameter(prog, gl.LINK_STATUS)) throw new Error(`link: ${gl.getProgramInfoLog(prog)}`);
    const loc: Record<string, WebGLUniformLocation | null> = {};
    for (const u of uniforms) loc[u] = gl.getUniformLocation(prog, u);
    return { prog, loc };
  }

  private draw(gl: WebGL2RenderingContext, args: CustomRenderMethodInput): void {
    if (!this.map || !this.vao) return;
    const p = this.program(gl, args.shaderData);
    const pd = args.defaultProjectionData;
    gl.useProgram(p.prog);
    const L = p.loc;
    if (L.u_projection_fallback_matrix) gl.uniformMatrix4fv(L.u_projection_fallback_matrix, false, pd.fallbackMatrix as Float32List);
    if (L.u_projection_tile_mercator_coords) gl.uniform4fv(L.u_projection_tile_mercator_coords, pd.tileMercatorCoords as Float32List);
    if (L.u_projection_clipping_plane) gl.uniform4fv(L.u_projection_clipping_plane, pd.clippingPlane as Float32List);
    if (L.u_projection_transition) gl.uniform1f(L.u_projection_transition, pd.projectionTransition);
    this.drawWith(gl, p, args.shaderData.variantName, (U) => gl.uniformMatrix4fv(U.u_projection_matrix!, false, pd.mainMatrix as Float32List));
  }

  /** Uniforms + drawArrays over the window's range, once per visible world copy. */
  private drawWith(gl: WebGL2RenderingContext, p: Program, variant: string, setMatrix: (loc: Program['loc']) => void): void {
    const map = this.map!;
    const c = this.columns;
    const { window: w, range, drawn } = this.current();
    this.frame++;
    const L = p.loc;
    gl.uniform1f(L.u_lo!, w.lo - c.dayMin);
    gl.uniform1f(L.u_hi!, w.hi - c.dayMin);
    gl.uniform1ui(L.u_mask!, this.mask);
    gl.uniform1f(L.u_fade_span!, this.view.mode === 'trail' ? Math.max(1, this.view.trailDays + 1) : 0);
    gl.uniform1f(L.u_min_alpha!, this.opts.minAlpha);
    const dpr = window.devicePixelRatio || 1;
    gl.uniform1f(L.u_point_base!, this.opts.pointBasePx * dpr);
    gl.uniform1f(L.u_point_scale!, (this.opts.pointScalePx / 64) * dpr);
    gl.uniform1i(L.u_selected!, this.selected);
    gl.uniform3fv(L.u_colors!, this.colors);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.vao);
    const count = range.end - range.first;
    if (count > 0) {
      // Mercator: draw each visible world copy by shifting x; globe has one world.
      const wraps = /globe/i.test(variant) ? [0] : visibleWraps(map);
      setMatrix(L);
      for (const wrap of wraps) {
        gl.uniform2f(L.u_offset!, wrap, 0);
        gl.drawArrays(gl.POINTS, range.first, count);
      }
    }
    gl.bindVertexArray(null);
    this.last = { window: w, range, drawn, frame: this.frame };
    this.opts.onDraw?.(this.last);
  }
}

/** Overlay mode projects with one matrix computed from the map's camera (below). */
const OVERLAY_SHADER_DATA: CustomRenderMethodInput['shaderData'] = {
  variantName: 'overlay-mercator',
  vertexShaderPrelude: 'uniform mat4 u_projection_matrix;\nvec4 projectTile(vec2 p) { return u_projection_matrix * vec4(p, 0.0, 1.0); }',
  define: '',
};

/**
 * Mercator (0..1) → clip space for a north-up, unpitched map: an affine map found by
 * projecting the centre and two points 256 px away with map.project (so it follows
 * whatever MapLibre does with padding and bearing), as a column-major mat4.
 */
export function mercatorToClip(map: MapLibreMap, cssWidth: number, cssHeight: number): Float32Array {
  const c = map.getCenter();
  const cx = mercatorX(c.lng), cy = mercatorY(c.lat);
  const d = 256 / (512 * Math.pow(2, map.getZoom()));
  const toLngLat = (x: number, y: number): [number, number] => [x * 360 - 180, (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90];
  const p0 = map.project(toLngLat(cx, cy));
  const px = map.project(toLngLat(cx + d, cy));
  const py = map.project(toLngLat(cx, cy + d));
  // screen = p0 + J · (m - c), J columns = (px - p0)/d, (py - p0)/d; clip = (2x/w - 1, 1 - 2y/h).
  const a = (px.x - p0.x) / d, b = (py.x - p0.x) / d;
  const e = (px.y - p0.y) / d, f = (py.y - p0.y) / d;
  const sx = 2 / cssWidth, sy = -2 / cssHeight;
  const m = new Float32Array(16);
  m[0] = a * sx; m[1] = e * sy;
  m[4] = b * sx; m[5] = f * sy;
  m[10] = 1;
  m[12] = (p0.x - a * cx - b * cy) * sx - 1;
  m[13] = (p0.y - e * cx - f * cy) * sy + 1;
  m[15] = 1;
  return m;
}

function visibleWraps(map: MapLibreMap): number[] {
  if (!map.getRenderWorldCopies()) return [0];
  const b = map.getBounds();
  const lo = Math.floor((b.getWest() + 180) / 360);
  const hi = Math.floor((b.getEast() + 180) / 360);
  const out: number[] = [];
  for (let w = Math.max(lo, -3); w <= Math.min(hi, 3); w++) out.push(w);
  return out.length ? out : [0];
}

function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [0.5, 0.5, 0.5];
  return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
}
